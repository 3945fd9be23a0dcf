<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditCsv</name>
    <message>
        <source>%1 cannot be written (%2): choose another folder.</source>
        <translation>无法写入 %1（%2）：请选择其他文件夹。</translation>
    </message>
    <message>
        <source>%1 could not be written completely (%2): nothing was saved; check the free space and choose another folder.</source>
        <translation>%1 未能完整写入（%2）：未保存任何内容；请检查剩余空间并选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Hand-over journal exported</source>
        <translation>交接日志已导出</translation>
    </message>
    <message>
        <source>Platform receipts recorded</source>
        <translation>已记录平台回执</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Mutual-aid filing</source>
        <translation>共济备案</translation>
    </message>
    <message>
        <source>Mutual-aid binding ended</source>
        <translation>解除共济关系</translation>
    </message>
    <message>
        <source>Kinship-account binding</source>
        <translation>亲情账户绑定</translation>
    </message>
    <message>
        <source>Kinship-account binding ended</source>
        <translation>解除亲情账户绑定</translation>
    </message>
    <message>
        <source>Summary printed</source>
        <translation>打印确认单</translation>
    </message>
    <message>
        <source>Full ID number revealed</source>
        <translation>查看完整证件号码</translation>
    </message>
    <message>
        <source>Rule set added</source>
        <translation>新增规则集</translation>
    </message>
    <message>
        <source>Rule set new version</source>
        <translation>规则集新版本</translation>
    </message>
    <message>
        <source>Rule set changed</source>
        <translation>修改规则集</translation>
    </message>
    <message>
        <source>Rule set removed</source>
        <translation>删除规则集</translation>
    </message>
    <message>
        <source>Rule set loaded</source>
        <translation>载入规则集</translation>
    </message>
    <message>
        <source>Registry imported</source>
        <translation>导入参保登记</translation>
    </message>
    <message>
        <source>Database copied</source>
        <translation>复制数据库</translation>
    </message>
    <message>
        <source>Account added</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>启用账号</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解锁账号</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>Password change failed</source>
        <translation>修改密码失败</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>锁定柜台</translation>
    </message>
    <message>
        <source>Session unlocked</source>
        <translation>解锁柜台</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Database restored from a backup</source>
        <translation>从备份恢复数据库</translation>
    </message>
    <message>
        <source>Quota of a mutual-aid binding changed</source>
        <translation>共济额度调整</translation>
    </message>
    <message>
        <source>Office server set up</source>
        <translation>经办机构服务器已设置</translation>
    </message>
    <message>
        <source>Office schema upgraded</source>
        <translation>经办机构数据库结构已升级</translation>
    </message>
    <message>
        <source>Password policy set</source>
        <translation>密码策略已设置</translation>
    </message>
    <message>
        <source>Service rated by the citizen</source>
        <translation>群众服务评价</translation>
    </message>
</context>
<context>
    <name>BackupFolder</name>
    <message>
        <source>%1 is an office database on a server: Gongji Desk keeps no backups of it beside the counter. Back it up with the server's own tools (for PostgreSQL: pg_dump).</source>
        <translation>%1 是服务器上的机构数据库：共济受理台不在本机保存它的备份。请用服务器自带的工具备份（PostgreSQL：pg_dump）。</translation>
    </message>
    <message>
        <source>Cannot create the backup folder %1. Check the disk and the permissions of the database's folder.</source>
        <translation>无法创建备份文件夹 %1。请检查磁盘及数据库所在文件夹的权限。</translation>
    </message>
    <message>
        <source>%1 was found damaged.</source>
        <translation>发现 %1 已损坏。</translation>
    </message>
</context>
<context>
    <name>BindingRevocation</name>
    <message>
        <source>Say who asks for the revocation: %1 or %2.</source>
        <translation>请注明由谁申请解除：%1或%2。</translation>
    </message>
    <message>
        <source>Give a reason for the revocation.</source>
        <translation>请填写解除原因。</translation>
    </message>
    <message>
        <source>This binding is not active (any more); nothing was changed. Refresh the household view.</source>
        <translation>该共济关系已不在有效状态，未作任何改动。请刷新家庭视图。</translation>
    </message>
</context>
<context>
    <name>ClerkAccounts</name>
    <message>
        <source>A login is 2 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>登录名为 2 至 32 位小写字母、数字、点、连字符或下划线，须以字母开头。</translation>
    </message>
    <message>
        <source>The role is clerk or supervisor.</source>
        <translation>角色须为 clerk（经办人）或 supervisor（主管）。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A supervisor exists already; further accounts are added by a supervisor (add-clerk).</source>
        <translation>已有主管账号；其他账号须由主管添加（add-clerk）。</translation>
    </message>
    <message>
        <source>Only a supervisor may create accounts.</source>
        <translation type="vanished">只有主管可以创建账号。</translation>
    </message>
    <message>
        <source>The login %1 exists already.</source>
        <translation>登录名 %1 已存在。</translation>
    </message>
    <message>
        <source>The password could not be hashed (out of memory); nothing was stored.</source>
        <translation>无法计算密码哈希（内存不足）；未保存任何内容。</translation>
    </message>
    <message>
        <source>There is no account %1: check the login in the list of accounts.</source>
        <translation>没有账号 %1：请在账号列表中核对登录名。</translation>
    </message>
    <message>
        <source>The account %1 is enabled already.</source>
        <translation>账号 %1 已是启用状态。</translation>
    </message>
    <message>
        <source>The account %1 is disabled already.</source>
        <translation>账号 %1 已是停用状态。</translation>
    </message>
    <message>
        <source>You cannot disable your own account: another supervisor can.</source>
        <translation>不能停用自己的账号：请由另一位主管操作。</translation>
    </message>
    <message>
        <source>The account %1 is not locked.</source>
        <translation>账号 %1 未被锁定。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one: choose another.</source>
        <translation>新密码与当前密码相同：请另选一个。</translation>
    </message>
    <message>
        <source>This login is locked after failed attempts until %1; the password was not changed.</source>
        <translation>该登录名因多次失败已锁定至 %1；密码未更改。</translation>
    </message>
    <message>
        <source>The current password is wrong; the password was not changed.</source>
        <translation>当前密码错误；密码未更改。</translation>
    </message>
    <message>
        <source>This password was one of the last %1 of the account: choose another.</source>
        <translation>该密码是此账户最近 %1 个密码之一：请另选一个。</translation>
    </message>
</context>
<context>
    <name>CsvFile</name>
    <message>
        <source>Cannot read %1: %2. Check the file name and that you may read it.</source>
        <translation>无法读取 %1：%2。请检查文件名及读取权限。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>CsvEncodings</name>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>The file is empty: it has no header row. Export the file again with its header row.</source>
        <translation>文件为空，没有表头行。请重新导出带表头行的文件。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>a quoted field is not closed before the end of the file; add the missing closing quote (").</source>
        <translation>引号字段直到文件末尾仍未闭合；请补上缺少的右引号（"）。</translation>
    </message>
    <message>
        <source>the line is too long (over %1 bytes); check that this is the right CSV file.</source>
        <translation>该行过长（超过 %1 字节）；请确认文件是否正确。</translation>
    </message>
    <message>
        <source>the bytes %1 are not %2 like the lines before them: the file mixes two encodings. Save it again in one encoding (in Excel: Save As, "CSV UTF-8").</source>
        <translation>字节 %1 不是前面各行所用的 %2 编码：文件混用了两种编码。请以同一种编码重新保存（Excel 中：另存为“CSV UTF-8”）。</translation>
    </message>
    <message>
        <source>the bytes %1 are neither UTF-8 nor GB18030 (GBK): the file is damaged or is not a CSV file. Save it again as CSV (in Excel: Save As, "CSV UTF-8").</source>
        <translation>字节 %1 既不是 UTF-8 也不是 GB18030（GBK）编码：文件已损坏或不是 CSV 文件。请重新保存为 CSV（Excel 中：另存为“CSV UTF-8”）。</translation>
    </message>
    <message>
        <source>a quote (") inside an unquoted field; enclose the whole field in quotes and double the quote ("").</source>
        <translation>未加引号的字段中出现引号（"）；请用引号括起整个字段，并将其中的引号写成两个（""）。</translation>
    </message>
    <message>
        <source>text after the closing quote of a field; a quote inside a quoted field must be doubled ("").</source>
        <translation>字段的右引号后还有内容；引号字段内的引号须写成两个（""）。</translation>
    </message>
    <message>
        <source>a field is longer than %1 characters; check that this is the right CSV file.</source>
        <translation>有字段超过 %1 个字符；请确认文件是否正确。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a Gongji Desk database or is damaged. The file was not changed. Choose another file with --db, or restore a backup.</source>
        <translation>%1 不是共济受理台的数据库，或已损坏。文件未作任何改动。请用 --db 选择其他文件，或恢复备份。</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of Gongji Desk (schema %2; this program knows up to %3). The file was not changed. Update Gongji Desk before using it.</source>
        <translation>%1 由更新版本的共济受理台写入（数据结构版本 %2；本程序最高支持 %3）。文件未作任何改动。请先升级共济受理台。</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not of Gongji Desk. It was not changed. Choose another database with --db.</source>
        <translation>%1 是其他程序的数据库，不是共济受理台的。未作任何改动。请用 --db 选择其他数据库。</translation>
    </message>
    <message>
        <source>%1 sorts text by the collation %2; Gongji Desk needs C. Create the office database with "createdb --template=template0 --locale=C.UTF-8 --encoding=UTF8 NAME".</source>
        <translation>%1 的文本排序规则为 %2，共济受理台需要 C。请用“createdb --template=template0 --locale=C.UTF-8 --encoding=UTF8 库名”创建经办机构数据库。</translation>
    </message>
    <message>
        <source>%1 is not a file. Choose a database file with --db.</source>
        <translation>%1 不是文件。请用 --db 选择数据库文件。</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist. Create it or choose another path with --db.</source>
        <translation>%1 所在的文件夹不存在。请先创建，或用 --db 选择其他路径。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt is not installed (Debian package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（Debian 软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot reach the office database %1: %2</source>
        <translation>无法连接经办机构数据库 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot switch to WAL journal mode (got %2).</source>
        <translation>%1：无法切换到 WAL 日志模式（实际为 %2）。</translation>
    </message>
    <message>
        <source>Cannot prepare %1: %2</source>
        <translation>无法准备 %1：%2</translation>
    </message>
    <message>
        <source>The office database %1 has no Gongji Desk tables yet. Ask the administrator to set it up (gongji-admin --db ADDRESS setup-office --counter-role NAME, as the role that owns the schema). Nothing was changed.</source>
        <translation>经办机构数据库 %1 还没有共济受理台的表。请管理员以拥有该模式的角色进行设置（gongji-admin --db 地址 setup-office --counter-role 角色名）。未做任何更改。</translation>
    </message>
    <message>
        <source>The office database %1 has schema version %2; this program needs version %3. Ask the administrator to upgrade it (gongji-admin --db ADDRESS migrate, as the role that owns the schema). Nothing was changed.</source>
        <translation>经办机构数据库 %1 的结构版本为 %2，本程序需要版本 %3。请管理员以拥有该模式的角色升级（gongji-admin --db 地址 migrate）。未做任何更改。</translation>
    </message>
    <message>
        <source>the server's certificate is not made out to the host name %1, so it may be another server. Use the host name written in the certificate, or ask the administrator for a certificate for this name. (%2)</source>
        <translation>服务器证书不是颁发给主机名 %1 的，可能是另一台服务器。请使用证书中写明的主机名，或请管理员为此名称签发证书。（%2）</translation>
    </message>
    <message>
        <source>the server's certificate is not signed by the authority in %1 (sslrootcert), so the server cannot be trusted. Check that sslrootcert names the office's CA certificate. (%2)</source>
        <translation>服务器证书不是由 %1（sslrootcert）中的证书机构签发的，无法信任该服务器。请检查 sslrootcert 是否指向经办机构的 CA 证书。（%2）</translation>
    </message>
    <message>
        <source>the server does not offer an encrypted (TLS) connection, and sslmode=%1 requires one. Nothing was sent to it. Ask the administrator to turn on ssl in postgresql.conf. (%2)</source>
        <translation>服务器不提供加密（TLS）连接，而 sslmode=%1 要求加密。未向其发送任何数据。请管理员在 postgresql.conf 中开启 ssl。（%2）</translation>
    </message>
    <message>
        <source>The office database %1 asks for a password, and none was given or found in the password file (~/.pgpass or PGPASSFILE).</source>
        <translation>经办机构数据库 %1 需要密码，但未提供，密码文件（~/.pgpass 或 PGPASSFILE）中也没有。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database or is damaged: %2</source>
        <translation>%1 不是 SQLite 数据库或已损坏：%2</translation>
    </message>
    <message>
        <source>%1 failed the integrity check: %2</source>
        <translation>%1 未通过完整性检查：%2</translation>
    </message>
    <message>
        <source>%1: cannot read its schema version: %2</source>
        <translation>%1：无法读取数据结构版本：%2</translation>
    </message>
    <message>
        <source>%1 is not a Gongji Desk database of a known version (schema %2; this program knows 1 to %3).</source>
        <translation>%1 不是已知版本的共济受理台数据库（数据结构版本 %2；本程序支持 1 至 %3）。</translation>
    </message>
    <message>
        <source>%1 has no insured registry; it is not a Gongji Desk database.</source>
        <translation>%1 中没有参保库，不是共济受理台的数据库。</translation>
    </message>
    <message>
        <source>This is an office database on a database server; back it up with the server's own tools (for PostgreSQL: pg_dump). Nothing was written.</source>
        <translation>这是数据库服务器上的经办机构数据库，请用服务器自带的工具备份（PostgreSQL 用 pg_dump）。未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 already exists. Choose a new file name; a backup never replaces a file.</source>
        <translation>%1 已存在。请另选文件名；备份不会覆盖已有文件。</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist. Create it or choose another path.</source>
        <translation>%1 所在的文件夹不存在。请先创建，或选择其他路径。</translation>
    </message>
    <message>
        <source>The backup could not be written to %1: %2</source>
        <translation>无法将备份写入 %1：%2</translation>
    </message>
    <message>
        <source>The backup copy failed its check and was deleted: %1</source>
        <translation>备份副本未通过检查，已删除：%1</translation>
    </message>
    <message>
        <source>The backup could not be given the name %1 (it may exist now).</source>
        <translation>无法将备份命名为 %1（该文件可能已存在）。</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>%1 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>Cannot read the backup %1 or write beside %2. Nothing was changed.</source>
        <translation>无法读取备份 %1，或无法在 %2 旁写入。未作任何改动。</translation>
    </message>
    <message>
        <source>The backup was refused and nothing was changed: %1</source>
        <translation>备份未通过检查，未作任何改动：%1</translation>
    </message>
    <message>
        <source>%1 is in use by another program (gongji-desk or gongji-admin). Close it, then restore again. Nothing was changed.</source>
        <translation>%1 正被其他程序（gongji-desk 或 gongji-admin）使用。请关闭后重新恢复。未作任何改动。</translation>
    </message>
    <message>
        <source>Cannot put the backup in place of %1. Nothing was changed.</source>
        <translation>无法用备份替换 %1。未作任何改动。</translation>
    </message>
    <message>
        <source>Cannot keep %1 aside as %2 before replacing it. Nothing was changed.</source>
        <translation>替换前无法将 %1 另存为 %2。未作任何更改。</translation>
    </message>
</context>
<context>
    <name>DatabaseCopy</name>
    <message>
        <source>The two databases have different schema versions; open both with this program first.</source>
        <translation>两个数据库的数据结构版本不同；请先用本程序分别打开两者。</translation>
    </message>
    <message>
        <source>The target database is not empty (table %1 has rows). Copy only into a new, empty database; nothing was changed.</source>
        <translation>目标数据库不是空的（表 %1 中有数据）。只能复制到新的空数据库；未作任何改动。</translation>
    </message>
    <message>
        <source>Table %1: %2 rows in the source but %3 in the copy; nothing was changed.</source>
        <translation>表 %1：源库有 %2 行，副本有 %3 行；未作任何改动。</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>%1 is not a database server address. Write it as postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=verify-full&amp;sslrootcert=FILE].</source>
        <translation>%1 不是数据库服务器地址。请写成 postgresql://用户@主机[:端口]/库名[?sslmode=verify-full&amp;sslrootcert=文件]。</translation>
    </message>
    <message>
        <source>The path of %1 (%2) contains ";", which the database driver cannot pass on. Move the file to a folder without ";" in its name.</source>
        <translation>%1 的路径（%2）含有“;”，数据库驱动无法传递。请把文件移到名称不含“;”的文件夹。</translation>
    </message>
    <message>
        <source>The file %2 named by %1 does not exist or is not a file. Give the path of the certificate file the office administrator handed out.</source>
        <translation>%1 指定的文件 %2 不存在或不是文件。请填写经办机构管理员发放的证书文件路径。</translation>
    </message>
    <message>
        <source>sslmode=%1 is not a TLS mode; use one of %2 (an office uses verify-full).</source>
        <translation>sslmode=%1 不是 TLS 模式；请使用 %2 之一（经办机构使用 verify-full）。</translation>
    </message>
    <message>
        <source>The address setting "%1" is not known; a server address takes only sslmode, sslrootcert, sslcert and sslkey.</source>
        <translation>地址设置“%1”无法识别；服务器地址只接受 sslmode、sslrootcert、sslcert 和 sslkey。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The address of %1 carries the database password, which other users of this computer can see (in the process list, in shell histories, in settings files). It was used this time; remove it from the address and put it in a password file (~/.pgpass, chmod 600) or let the program ask for it.</source>
        <translation>%1 的地址中带有数据库密码，本机其他用户可以看到（进程列表、命令历史、设置文件）。本次仍已使用；请从地址中删除密码，改放在密码文件（~/.pgpass，chmod 600）中，或由程序询问。</translation>
    </message>
    <message>
        <source>%1 is not a database server address. Write it as postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME.</source>
        <translation>%1 不是数据库服务器地址。请写成 postgresql://用户[:密码]@主机[:端口]/库名。</translation>
    </message>
</context>
<context>
    <name>DemoDatabase</name>
    <message>
        <source>The demo rule sets (%1) cannot be read: %2.</source>
        <translation>无法读取演示规则（%1）：%2。</translation>
    </message>
    <message>
        <source>The demo rule sets (%1) are not a JSON array: %2.</source>
        <translation>演示规则（%1）不是 JSON 数组：%2。</translation>
    </message>
    <message>
        <source>A demo rule set in %1 is invalid: %2</source>
        <translation>%1 中的一条演示规则无效：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The demo registry (%1) could not be loaded: %2</source>
        <translation>无法载入演示参保库（%1）：%2</translation>
    </message>
    <message>
        <source>The demo filings (%1) could not be stored: %2</source>
        <translation>无法保存演示备案（%1）：%2</translation>
    </message>
    <message>
        <source>row %1: %2 %3</source>
        <translation>第 %1 行：%2 %3</translation>
    </message>
    <message>
        <source>Demo filings were not stored (%1): %2</source>
        <translation>演示备案未保存（%1）：%2</translation>
    </message>
    <message>
        <source>The demo revocations (%1) cannot be read: %2.</source>
        <translation>无法读取演示解除记录（%1）：%2。</translation>
    </message>
    <message>
        <source>The demo revocations (%1) do not start with the header %2. %3</source>
        <translation>演示解除记录（%1）的开头不是表头 %2。%3</translation>
    </message>
    <message>
        <source>%1, line %2: requested_by is &quot;%3&quot;; write authorizer or target.</source>
        <translation>%1，第 %2 行：requested_by 为“%3”；请写 authorizer 或 target。</translation>
    </message>
    <message>
        <source>%1, line %2: no active demo binding between these two persons.</source>
        <translation>%1 第 %2 行：二人之间没有有效的演示共济关系。</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <source>The demo revocations (%1) cannot be read: %2</source>
        <translation>无法读取演示解除记录（%1）：%2</translation>
    </message>
    <message>
        <source>The demo accounts could not be created: %1</source>
        <translation>无法创建演示账号：%1</translation>
    </message>
    <message>
        <source>The demo rule sets could not be stored: %1</source>
        <translation>无法保存演示规则集：%1</translation>
    </message>
</context>
<context>
    <name>FilingBatch</name>
    <message>
        <source>expected %1 columns, found %2; check for a missing or extra comma (a value containing a comma must be in quotes).</source>
        <translation>应为 %1 列，实际为 %2 列；请检查是否缺少或多出逗号（含逗号的值须加引号）。</translation>
    </message>
    <message>
        <source>authorizer_name is empty; fill in the name as on the ID document.</source>
        <translation>authorizer_name 为空；请按证件填写授权人姓名。</translation>
    </message>
    <message>
        <source>target_name is empty; fill in the name as on the ID document.</source>
        <translation>target_name 为空；请按证件填写共济对象姓名。</translation>
    </message>
    <message>
        <source>unknown relationship "%1"; use one of %2.</source>
        <translation>未知关系“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>filed_on "%1" is not a real date in the form YYYY-MM-DD.</source>
        <translation>filed_on“%1”不是 YYYY-MM-DD 格式的有效日期。</translation>
    </message>
    <message>
        <source>filed_on %1 is in the future; give the day the filing was signed.</source>
        <translation>filed_on %1 晚于今天；请填写备案签字的日期。</translation>
    </message>
    <message>
        <source>commitment must be yes or no, found "%1".</source>
        <translation>commitment 须为 yes 或 no，实际为“%1”。</translation>
    </message>
    <message>
        <source>The filing of row %1 was refused when stored, without a reason for any row. Nothing more was stored; check the database and run the file again.</source>
        <translation>第 %1 行的备案在保存时被拒绝，且未给出任何行的原因。后续内容均未保存；请检查数据库后重新运行该文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file name and that you may read it.</source>
        <translation type="vanished">无法读取 %1：%2。请检查文件名及读取权限。</translation>
    </message>
    <message>
        <source>The first row is not the filings header.
Expected: %1
Found:    %2
Write the file with exactly these columns in this order.</source>
        <translation>第一行不是备案文件的表头。
应为：%1
实际：%2
请严格按此列顺序编写文件。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>valid_until "%1" (column %2) is not a real date in the form YYYY-MM-DD; leave it empty for no end.</source>
        <translation>valid_until“%1”（第 %2 列）不是 YYYY-MM-DD 格式的有效日期；无截止日期请留空。</translation>
    </message>
</context>
<context>
    <name>FilingEvaluator</name>
    <message>
        <source>region %1, date %2</source>
        <translation>地区 %1，日期 %2</translation>
    </message>
    <message>
        <source>target insured in %1, authorizer in %2; rule: %3</source>
        <translation>共济对象参保地 %1，授权人参保地 %2；规则：%3</translation>
    </message>
    <message>
        <source>current authorizer: %1</source>
        <translation>现授权人：%1</translation>
    </message>
    <message>
        <source>%1 of at most %2 targets already bound</source>
        <translation>已绑定 %1 人，上限 %2 人</translation>
    </message>
    <message>
        <source>may be bound again from %1</source>
        <translation>%1 起可再次绑定</translation>
    </message>
    <message>
        <source>authorizer born %1, target born %2</source>
        <translation>授权人出生于 %1，共济对象出生于 %2</translation>
    </message>
    <message>
        <source>%1 is not after the filing date %2</source>
        <translation>%1 不晚于备案日期 %2</translation>
    </message>
    <message>
        <source>at most %1 months: until %2 at the latest</source>
        <translation>最长 %1 个月：最晚至 %2</translation>
    </message>
</context>
<context>
    <name>FilingSubmission</name>
    <message>
        <source>The filing has no target. Add at least one target before submitting.</source>
        <translation>备案中没有共济对象。提交前请至少添加一名。</translation>
    </message>
    <message>
        <source>No clerk is recorded for this filing; sign in again.</source>
        <translation>本笔备案没有记录经办人；请重新登录。</translation>
    </message>
    <message>
        <source>The connection to the office database broke while the filing was being stored. It was not stored: nothing of it is kept. What you entered is still here; submit it again.</source>
        <translation>保存备案时与经办机构数据库的连接中断。该备案未保存，没有留下任何部分。已录入的内容仍在，请重新提交。</translation>
    </message>
    <message>
        <source>The connection to the office database broke while the filing was being stored, and the server does not answer yet. The filing is either stored whole or not at all. Look up the authorizer's household once the server is back: if the bindings are not there, submit again (what you entered is still here).</source>
        <translation>保存备案时与经办机构数据库的连接中断，服务器暂时没有响应。该备案要么完整保存，要么完全没有保存。服务器恢复后请先查看授权人的家庭：如果没有这些绑定，再重新提交（已录入的内容仍在）。</translation>
    </message>
</context>
<context>
    <name>HouseholdBinding</name>
    <message>
        <source>Mutual aid (共济)</source>
        <translation>家庭共济</translation>
    </message>
    <message>
        <source>Kinship account (亲情)</source>
        <translation>亲情账户</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>Characters 7 to 14 should be the birth date, but %1 is not a real date; please check the number on the document.</source>
        <translation>第 7 至 14 位应为出生日期，但 %1 不是有效日期；请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The birth date %1 in the number is before 1900; please check the number on the document.</source>
        <translation>号码中的出生日期 %1 早于 1900 年；请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The birth date %1 in the number is in the future; please check the number on the document.</source>
        <translation>号码中的出生日期 %1 晚于今天；请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The number must be 18 characters: 17 digits and a final digit or X (%1 characters were entered).</source>
        <translation>号码须为 18 位：17 位数字加末位数字或 X（已输入 %1 位）。</translation>
    </message>
    <message>
        <source>Character %1 ("%2") must be a digit; only the last character may be X. Please check the number.</source>
        <translation>第 %1 位（“%2”）须为数字，只有末位可以是 X。请核对号码。</translation>
    </message>
    <message>
        <source>The check character should be %1, not %2; please re-type the number from the document.</source>
        <translation>校验位应为 %1，而不是 %2；请按证件重新输入号码。</translation>
    </message>
    <message>
        <source>A number starting with 9 is a foreigner's permanent residence ID card (18 characters); please check the number and the document type.</source>
        <translation>以 9 开头的号码是外国人永久居留身份证（18 位）；请核对号码和证件类型。</translation>
    </message>
    <message>
        <source>An old 15-digit identity card number has digits only; please check the number.</source>
        <translation>旧版 15 位身份证号码只含数字；请核对号码。</translation>
    </message>
    <message>
        <source>Address code %1 belongs to a residence permit for Hong Kong, Macau and Taiwan residents; please choose that document type (17).</source>
        <translation>地址码 %1 属于港澳台居民居住证；请选择该证件类型（17）。</translation>
    </message>
    <message>
        <source>The first six digits (%1) are not a mainland address code; please check the number.</source>
        <translation>前六位（%1）不是内地地址码；请核对号码。</translation>
    </message>
    <message>
        <source>A residence permit number starts with 810000 (Hong Kong), 820000 (Macau) or 830000 (Taiwan), not %1; please check the number and the document type.</source>
        <translation>居住证号码以 810000（香港）、820000（澳门）或 830000（台湾）开头，而不是 %1；请核对号码和证件类型。</translation>
    </message>
    <message>
        <source>A permanent residence ID card number is 18 characters starting with 9 (2023 card) or 3 letters followed by 12 digits (older card); please check the number.</source>
        <translation>永久居留身份证号码为以 9 开头的 18 位（2023 版），或 3 位字母加 12 位数字（旧版）；请核对号码。</translation>
    </message>
    <message>
        <source>A Hong Kong permit number is H followed by 8 or 10 digits; please check the number.</source>
        <translation>香港居民通行证号码为 H 加 8 位或 10 位数字；请核对号码。</translation>
    </message>
    <message>
        <source>A Macau permit number is M followed by 8 or 10 digits; please check the number.</source>
        <translation>澳门居民通行证号码为 M 加 8 位或 10 位数字；请核对号码。</translation>
    </message>
    <message>
        <source>A Taiwan permit number is 8 digits (older booklets: 10 letters and digits); please check the number.</source>
        <translation>台湾居民通行证号码为 8 位数字（旧版本册：10 位字母和数字）；请核对号码。</translation>
    </message>
    <message>
        <source>A foreign passport number is 5 to 17 letters and digits; please check the number.</source>
        <translation>外国人护照号码为 5 至 17 位字母和数字；请核对号码。</translation>
    </message>
    <message>
        <source>A Chinese passport number is E followed by 8 digits, E, a letter and 7 digits, or (older passports) G followed by 8 digits; please check the number.</source>
        <translation>中国护照号码为 E 加 8 位数字、E 加 1 位字母和 7 位数字，或（旧版护照）G 加 8 位数字；请核对号码。</translation>
    </message>
    <message>
        <source>Document type "%1" is not known; please choose one of the listed document types.</source>
        <translation>未知证件类型“%1”；请从列表中选择证件类型。</translation>
    </message>
    <message>
        <source>Please enter the document number.</source>
        <translation>请输入证件号码。</translation>
    </message>
</context>
<context>
    <name>IdReveal</name>
    <message>
        <source>Say why the full ID number is needed; the reveal is recorded with that reason.</source>
        <translation>请说明为何需要完整证件号码；查看记录将连同该理由一并保存。</translation>
    </message>
    <message>
        <source>This person is not in the registry (any more); nothing was revealed. Search again.</source>
        <translation>此人不在（或已不在）参保登记中；未显示号码。请重新查找。</translation>
    </message>
</context>
<context>
    <name>IdType</name>
    <message>
        <source>Resident identity card (household register)</source>
        <translation>居民身份证（户口簿）</translation>
    </message>
    <message>
        <source>Mainland travel permit for Hong Kong residents</source>
        <translation>港澳居民来往内地通行证（香港）</translation>
    </message>
    <message>
        <source>Mainland travel permit for Macau residents</source>
        <translation>港澳居民来往内地通行证（澳门）</translation>
    </message>
    <message>
        <source>Mainland travel permit for Taiwan residents</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreigner's permanent residence ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Foreign passport</source>
        <translation>外国人护照</translation>
    </message>
    <message>
        <source>Chinese passport</source>
        <translation>中国护照</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macau and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Unknown document type %1</source>
        <translation>未知证件类型 %1</translation>
    </message>
</context>
<context>
    <name>KindStyle</name>
    <message>
        <source>Money moves: the authorizer's personal account pays the target's own share.</source>
        <translation>涉及资金：授权人的个人账户为共济对象支付个人负担部分。</translation>
    </message>
    <message>
        <source>No money moves: the holder only shows the member's e-voucher; the member pays with their own insurance.</source>
        <translation>不涉及资金：持有人只代为出示成员的医保电子凭证，费用由成员本人的医保结算。</translation>
    </message>
</context>
<context>
    <name>KinshipBatch</name>
    <message>
        <source>%1 must be yes or no, found "%2".</source>
        <translation>%1 须为 yes 或 no，实际为“%2”。</translation>
    </message>
    <message>
        <source>expected %1 columns, found %2; check for a missing or extra comma (a value containing a comma must be in quotes).</source>
        <translation>应为 %1 列，实际为 %2 列；请检查是否缺少或多出逗号（含逗号的值须加引号）。</translation>
    </message>
    <message>
        <source>holder_name is empty; fill in the name as on the ID document.</source>
        <translation>holder_name 为空；请按证件填写持有人姓名。</translation>
    </message>
    <message>
        <source>member_name is empty; fill in the name as on the ID document.</source>
        <translation>member_name 为空；请按证件填写成员姓名。</translation>
    </message>
    <message>
        <source>unknown relationship "%1"; use one of %2.</source>
        <translation>未知关系“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>filed_on "%1" is not a real date in the form YYYY-MM-DD.</source>
        <translation>filed_on“%1”不是 YYYY-MM-DD 格式的有效日期。</translation>
    </message>
    <message>
        <source>filed_on %1 is in the future; give the day the binding was requested.</source>
        <translation>filed_on %1 晚于今天；请填写申请绑定的日期。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file name and that you may read it.</source>
        <translation type="vanished">无法读取 %1：%2。请检查文件名及读取权限。</translation>
    </message>
    <message>
        <source>The first row is not the kinship header.
Expected: %1
Found:    %2
Write the file with exactly these columns in this order.</source>
        <translation>第一行不是亲情账户文件的表头。
应为：%1
实际：%2
请严格按此列顺序编写文件。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Row %1 could not be stored, without a reason. Nothing more was stored; check the database and run the file again.</source>
        <translation>第 %1 行未能保存，且未给出原因。后续内容均未保存；请检查数据库后重新运行该文件。</translation>
    </message>
</context>
<context>
    <name>KinshipEvaluator</name>
    <message>
        <source>member aged %1 or over</source>
        <translation>成员年满 %1 周岁</translation>
    </message>
    <message>
        <source>member under %1</source>
        <translation>成员未满 %1 周岁</translation>
    </message>
    <message>
        <source>%1 of at most %2 members</source>
        <translation>已绑定 %1 人，上限 %2 人</translation>
    </message>
</context>
<context>
    <name>KinshipSubmission</name>
    <message>
        <source>No clerk is recorded; sign in again.</source>
        <translation>没有记录经办人；请重新登录。</translation>
    </message>
</context>
<context>
    <name>KinshipSummary</name>
    <message>
        <source>There is no kinship-account binding with number %1.</source>
        <translation>没有编号为 %1 的亲情账户绑定。</translation>
    </message>
    <message>
        <source>Kinship-account binding %1 is incomplete in the database; nothing was printed.</source>
        <translation>亲情账户绑定 %1 在数据库中不完整，未打印。</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>The table %1 is not as version 1 of the schema made it, so it was not upgraded and nothing was changed. Restore a backup or ask for support.</source>
        <translation>数据表 %1 与第 1 版数据库结构不一致，因此未升级，也未作任何更改。请恢复备份或联系技术支持。</translation>
    </message>
</context>
<context>
    <name>PaymentPreview</name>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Own personal account</source>
        <translation>本人个人账户</translation>
    </message>
    <message>
        <source>Authorizer's personal account (mutual aid)</source>
        <translation>授权人个人账户（家庭共济）</translation>
    </message>
    <message>
        <source>Cash or other payment</source>
        <translation>现金或其他方式</translation>
    </message>
    <message>
        <source>Quota set aside by the authorizer (共济额度)</source>
        <translation>授权人预留的共济额度</translation>
    </message>
</context>
<context>
    <name>Person</name>
    <message>
        <source>Employee basic medical insurance</source>
        <translation>职工基本医疗保险</translation>
    </message>
    <message>
        <source>Urban and rural resident basic medical insurance</source>
        <translation>城乡居民基本医疗保险</translation>
    </message>
    <message>
        <source>Insurance type %1</source>
        <translation>险种 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常参保</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停参保</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止参保</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退休</translation>
    </message>
    <message>
        <source>Employment %1</source>
        <translation>人员类别 %1</translation>
    </message>
</context>
<context>
    <name>Proof</name>
    <message>
        <source>Marriage certificate</source>
        <translation>结婚证</translation>
    </message>
    <message>
        <source>Household register</source>
        <translation>户口簿</translation>
    </message>
    <message>
        <source>Medical birth certificate</source>
        <translation>出生医学证明</translation>
    </message>
    <message>
        <source>Police certificate of the relationship</source>
        <translation>公安机关亲属关系证明</translation>
    </message>
    <message>
        <source>Notarial certificate</source>
        <translation>公证书</translation>
    </message>
    <message>
        <source>Unknown proof %1</source>
        <translation>未知证明 %1</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>Cannot make a QR code of "%1".</source>
        <translation>无法为“%1”生成二维码。</translation>
    </message>
</context>
<context>
    <name>RefusalCode</name>
    <message>
        <source>The ID number does not have the format of this document type. Check the document type and re-type the number.</source>
        <translation>证件号码不符合该证件类型的格式。请核对证件类型并重新输入号码。</translation>
    </message>
    <message>
        <source>The ID number's check character is wrong. Re-type the number from the document.</source>
        <translation>证件号码校验位错误。请按证件重新输入号码。</translation>
    </message>
    <message>
        <source>This document type is not accepted by the rule set in force.</source>
        <translation>现行规则不受理该证件类型。</translation>
    </message>
    <message>
        <source>No insured person with this document is in the registry. Check the number, or ask the person to register with the insurance first.</source>
        <translation>参保库中没有持此证件的参保人。请核对号码，或请其先办理参保登记。</translation>
    </message>
    <message>
        <source>The name does not match the registry for this ID number.</source>
        <translation>姓名与参保库中该证件号码的登记姓名不一致。</translation>
    </message>
    <message>
        <source>Only employee medical insurance (310) holders may authorize mutual aid.</source>
        <translation>只有职工基本医疗保险（310）参保人才能作为共济授权人。</translation>
    </message>
    <message>
        <source>The authorizer's insurance status is not normal (active).</source>
        <translation>授权人的参保状态不正常。</translation>
    </message>
    <message>
        <source>The target's insurance status is not normal (active).</source>
        <translation>共济对象的参保状态不正常。</translation>
    </message>
    <message>
        <source>Public medical care (公费医疗) personnel are excluded from mutual aid in this region.</source>
        <translation>本地区公费医疗人员不参加家庭共济。</translation>
    </message>
    <message>
        <source>This relationship is not allowed by the rule set in force.</source>
        <translation>现行规则不允许该亲属关系。</translation>
    </message>
    <message>
        <source>The target is insured outside the territorial scope the rule set allows.</source>
        <translation>共济对象的参保地超出现行规则允许的范围。</translation>
    </message>
    <message>
        <source>A person cannot be bound to himself or herself.</source>
        <translation>不能与本人建立共济关系。</translation>
    </message>
    <message>
        <source>This authorizer and target are already bound.</source>
        <translation>该授权人与共济对象已存在共济关系。</translation>
    </message>
    <message>
        <source>The target already has the most authorizers the rule set allows; the current binding must be revoked first.</source>
        <translation>该共济对象的授权人数已达规则上限；须先解除现有共济关系。</translation>
    </message>
    <message>
        <source>The authorizer already has the most targets the rule set allows.</source>
        <translation>该授权人的共济对象人数已达规则上限。</translation>
    </message>
    <message>
        <source>The target already authorizes this authorizer, and mutual binding is not allowed here.</source>
        <translation>该共济对象已是本授权人的授权人，本地区不允许相互共济。</translation>
    </message>
    <message>
        <source>This pair was revoked recently; it may be bound again only after the waiting period.</source>
        <translation>二人的共济关系刚解除不久，须过等待期后才能再次绑定。</translation>
    </message>
    <message>
        <source>The commitment letter has not been acknowledged and signed.</source>
        <translation>承诺书尚未确认并签字。</translation>
    </message>
    <message>
        <source>No mutual-aid rule set is in effect for this region on the filing date.</source>
        <translation>备案日期该地区没有生效的家庭共济规则。</translation>
    </message>
    <message>
        <source>The kinship account holder already has the maximum of 5 members.</source>
        <translation>亲情账户持有人已绑定 5 名成员，达到上限。</translation>
    </message>
    <message>
        <source>A member aged 16 or over must pass face verification first.</source>
        <translation>16 周岁及以上的成员须先完成人脸核验。</translation>
    </message>
    <message>
        <source>For a member under 16 the household register (户口本) must be seen.</source>
        <translation>16 周岁以下的成员须查验户口本。</translation>
    </message>
    <message>
        <source>The ages do not fit the relationship. Check the documents and confirm.</source>
        <translation>年龄与所填关系不相符。请核对证件后确认。</translation>
    </message>
    <message>
        <source>One of the two already has a spouse in an active binding with someone else; a person has one spouse. Check the marriage certificate; revoke the other binding first if it is wrong.</source>
        <translation>其中一方已与他人存在有效的配偶共济关系；一人只能有一位配偶。请核对结婚证；如另一关系有误，请先解除。</translation>
    </message>
    <message>
        <source>The relationship contradicts the active binding between the same two people in the other direction (e.g. parent there, parent here). Correct the relationship.</source>
        <translation>所填关系与这两人之间反方向的有效共济关系相矛盾（例如对方填父母，此处也填父母）。请更正关系。</translation>
    </message>
    <message>
        <source>The authorization period must end after the filing date and be no longer than the rule set allows. Correct the date or leave it empty.</source>
        <translation>授权期限须晚于备案日期，且不得超过规则允许的最长期限。请更正日期或留空。</translation>
    </message>
    <message>
        <source>The authorizer would have two parents of the same sex, or more than two parents (a step-parent is possible). Check the documents and confirm.</source>
        <translation>授权人将有两位同性别的父母，或超过两位父母（可能为继父母）。请核对证件后确认。</translation>
    </message>
    <message>
        <source>The target is insured in another province: the rule set in force needs a quota (共济额度) in yuan, more than 0. Enter the amount to set aside.</source>
        <translation>共济对象在外省参保：现行规则要求设定大于 0 元的共济额度。请输入预留金额。</translation>
    </message>
    <message>
        <source>The quotas would set aside more than the authorizer's balance above the reserve floor. Lower the quota to what is still free.</source>
        <translation>共济额度合计将超过授权人个人账户余额扣除保留额后的部分。请将额度降至尚可预留的金额以内。</translation>
    </message>
    <message>
        <source>The rule set in force does not set money aside as a quota (共济额度). Leave the quota empty.</source>
        <translation>现行规则不设共济额度。请将额度留空。</translation>
    </message>
</context>
<context>
    <name>RegistryImport</name>
    <message>
        <source>expected %1 columns, found %2; check for a missing or extra comma (a value containing a comma must be in quotes).</source>
        <translation>应为 %1 列，实际为 %2 列；请检查是否缺少或多出逗号（含逗号的值须加引号）。</translation>
    </message>
    <message>
        <source>the name is empty; fill in the person's name.</source>
        <translation>姓名为空；请填写姓名。</translation>
    </message>
    <message>
        <source>the name contains a line break; write it on one line.</source>
        <translation>姓名中含有换行；请写在一行内。</translation>
    </message>
    <message>
        <source>unknown id_type "%1"; use one of %2.</source>
        <translation>未知 id_type“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>the ID number is not valid: %1</source>
        <translation>证件号码无效：%1</translation>
    </message>
    <message>
        <source>sex must be M or F, found "%1".</source>
        <translation>sex 须为 M 或 F，实际为“%1”。</translation>
    </message>
    <message>
        <source>sex is empty, and this ID type does not carry it; fill in M or F.</source>
        <translation>sex 为空，且该证件号码不含性别；请填写 M 或 F。</translation>
    </message>
    <message>
        <source>sex %1 does not match the ID number, which gives %2; correct the sex or leave it empty.</source>
        <translation>sex %1 与证件号码所示的 %2 不一致；请更正或留空。</translation>
    </message>
    <message>
        <source>birth_date is empty, and this ID type does not carry it; fill in the date as YYYY-MM-DD.</source>
        <translation>birth_date 为空，且该证件号码不含出生日期；请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>birth_date "%1" is not a real past date in the form YYYY-MM-DD.</source>
        <translation>birth_date“%1”不是 YYYY-MM-DD 格式的有效过去日期。</translation>
    </message>
    <message>
        <source>birth_date %1 does not match the ID number, which gives %2; correct the date or leave it empty.</source>
        <translation>birth_date %1 与证件号码所示的 %2 不一致；请更正或留空。</translation>
    </message>
    <message>
        <source>insurance_type must be 310 (employee) or 390 (resident), found "%1".</source>
        <translation>insurance_type 须为 310（职工）或 390（居民），实际为“%1”。</translation>
    </message>
    <message>
        <source>employment must be working or retired for an employee (310), found "%1".</source>
        <translation>职工（310）的 employment 须为 working 或 retired，实际为“%1”。</translation>
    </message>
    <message>
        <source>employment must be empty for a resident (390), found "%1".</source>
        <translation>居民（390）的 employment 须为空，实际为“%1”。</translation>
    </message>
    <message>
        <source>status must be one of %1, found "%2".</source>
        <translation>status 须为 %1 之一，实际为“%2”。</translation>
    </message>
    <message>
        <source>pooling_region must be a 6-digit region code such as 330100, found "%1".</source>
        <translation>pooling_region 须为 6 位区划代码（如 330100），实际为“%1”。</translation>
    </message>
    <message>
        <source>balance is empty; an employee's balance is required, in yuan such as 1234.56.</source>
        <translation>balance 为空；职工须填写账户余额，以元为单位，如 1234.56。</translation>
    </message>
    <message>
        <source>balance "%1" is not an amount in yuan such as 1234.56 (no sign or thousands separator, at most 2 decimals).</source>
        <translation>balance“%1”不是以元为单位的金额（如 1234.56；不带符号和千位分隔符，最多 2 位小数）。</translation>
    </message>
    <message>
        <source>a resident (390) has no personal account; leave balance empty or 0, found "%1".</source>
        <translation>居民（390）没有个人账户；balance 须为空或 0，实际为“%1”。</translation>
    </message>
    <message>
        <source>public_medical must be 0 or 1, found "%1".</source>
        <translation>public_medical 须为 0 或 1，实际为“%1”。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file name and that you may read it.</source>
        <translation type="vanished">无法读取 %1：%2。请检查文件名及读取权限。</translation>
    </message>
    <message>
        <source>The first row is not the registry header.
Expected: %1
Found:    %2
Export the registry with exactly these columns in this order.</source>
        <translation>第一行不是参保库文件的表头。
应为：%1
实际：%2
请严格按此列顺序导出参保库。</translation>
    </message>
    <message>
        <source>the same person (ID type and number) as on line %1; keep one row per person.</source>
        <translation>与第 %1 行是同一人（证件类型和号码相同）；每人只保留一行。</translation>
    </message>
</context>
<context>
    <name>Relationship</name>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母/外祖父母</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女/外孙子女</translation>
    </message>
    <message>
        <source>Spouse's parent</source>
        <translation>配偶的父母</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown relationship %1</source>
        <translation>未知关系 %1</translation>
    </message>
</context>
<context>
    <name>RevocationSummary</name>
    <message>
        <source>There is no binding with number %1.</source>
        <translation>没有编号为 %1 的共济关系。</translation>
    </message>
    <message>
        <source>Binding %1 is still active: there is no revocation to print.</source>
        <translation>共济关系 %1 仍然有效，没有可打印的解除确认单。</translation>
    </message>
    <message>
        <source>Binding %1 is incomplete in the database; nothing was printed.</source>
        <translation>数据库中共济关系 %1 的数据不完整，未打印。</translation>
    </message>
</context>
<context>
    <name>RoleCheck</name>
    <message>
        <source>Nobody is signed in: sign in with your own login first.</source>
        <translation>无人登录：请先用您自己的账号登录。</translation>
    </message>
    <message>
        <source>%1 is not a clerk account of this database: sign in with your own login.</source>
        <translation>%1 不是本数据库的柜员账号：请用您自己的账号登录。</translation>
    </message>
    <message>
        <source>The account %1 is disabled: ask a supervisor.</source>
        <translation>账号 %1 已停用：请联系主管。</translation>
    </message>
    <message>
        <source>Only a supervisor may do this; %1 is a clerk. Ask a supervisor.</source>
        <translation>只有主管可以执行此操作；%1 是柜员。请联系主管。</translation>
    </message>
</context>
<context>
    <name>RuleImpact</name>
    <message>
        <source>%1 of %2 active bindings would be refused</source>
        <translation>%2 条有效共济关系中将有 %1 条不予受理</translation>
    </message>
</context>
<context>
    <name>RuleSet</name>
    <message>
        <source>The region code must be 6 digits (000000 national, XX0000 a province, or a pooling region).</source>
        <translation>地区代码须为 6 位（000000 全国、XX0000 省，或统筹区代码）。</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>标题为空。</translation>
    </message>
    <message>
        <source>The start date (effective_from) is missing or not a date.</source>
        <translation>生效日期（effective_from）缺失或不是日期。</translation>
    </message>
    <message>
        <source>The end date (effective_to) is before the start date (effective_from).</source>
        <translation>失效日期（effective_to）早于生效日期（effective_from）。</translation>
    </message>
    <message>
        <source>The list of allowed relationships is empty.</source>
        <translation>允许的亲属关系列表为空。</translation>
    </message>
    <message>
        <source>Unknown relationship: %1.</source>
        <translation>未知亲属关系：%1。</translation>
    </message>
    <message>
        <source>The list of accepted ID types is empty.</source>
        <translation>受理的证件类型列表为空。</translation>
    </message>
    <message>
        <source>Unknown ID type: %1.</source>
        <translation>未知证件类型：%1。</translation>
    </message>
    <message>
        <source>Unknown scope: %1 (use same_pooling_region, same_province or nationwide).</source>
        <translation>未知范围：%1（请使用 same_pooling_region、same_province 或 nationwide）。</translation>
    </message>
    <message>
        <source>The maximum of authorizers per target must be at least 1, or empty for unlimited.</source>
        <translation>每名共济对象的授权人上限至少为 1，留空表示不限。</translation>
    </message>
    <message>
        <source>The maximum of targets per authorizer must be at least 1, or empty for unlimited.</source>
        <translation>每名授权人的共济对象上限至少为 1，留空表示不限。</translation>
    </message>
    <message>
        <source>The reserve floor cannot be negative.</source>
        <translation>保留额度不能为负数。</translation>
    </message>
    <message>
        <source>Unknown payment order: %1 (use by_balance_desc or by_binding_order).</source>
        <translation>未知支付顺序：%1（请使用 by_balance_desc 或 by_binding_order）。</translation>
    </message>
    <message>
        <source>The cooldown cannot be negative.</source>
        <translation>等待期不能为负数。</translation>
    </message>
    <message>
        <source>Unknown payable item: %1.</source>
        <translation>未知支付项目：%1。</translation>
    </message>
    <message>
        <source>effective_to is not a date (YYYY-MM-DD) or null.</source>
        <translation>effective_to 不是日期（YYYY-MM-DD）也不是 null。</translation>
    </message>
    <message>
        <source>same pooling region</source>
        <translation>同一统筹区</translation>
    </message>
    <message>
        <source>same province</source>
        <translation>同一省份</translation>
    </message>
    <message>
        <source>nationwide</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>The longest authorization period must be at least 1 month, or empty for unlimited.</source>
        <translation>最长授权期限至少为 1 个月，留空表示不限。</translation>
    </message>
    <message>
        <source>Unknown quota boundary: %1 (use none or province).</source>
        <translation>未知的额度范围：%1（请使用 none 或 province）。</translation>
    </message>
</context>
<context>
    <name>RuleSetChange</name>
    <message>
        <source>open</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>The period overlaps the stored rule set %1 of the same region. Change the dates, or make a new version of that set instead.</source>
        <translation>有效期与同一地区已保存的规则 %1 重叠。请修改日期，或改为为该规则新建版本。</translation>
    </message>
    <message>
        <source>Rule set %1: </source>
        <translation>规则 %1：</translation>
    </message>
    <message>
        <source>The period overlaps rule set %1 of the same region.</source>
        <translation>有效期与同一地区的规则 %1 重叠。</translation>
    </message>
    <message>
        <source>The rule set to version does not exist (any more).</source>
        <translation>要新建版本的规则已不存在。</translation>
    </message>
    <message>
        <source>A new version keeps the region of the set it replaces (%1).</source>
        <translation>新版本须沿用被替换规则的地区（%1）。</translation>
    </message>
    <message>
        <source>The new version must start after %1, when the current one started.</source>
        <translation>新版本的生效日期须晚于现行版本的生效日期 %1。</translation>
    </message>
    <message>
        <source>The rule set does not exist (any more).</source>
        <translation>该规则已不存在。</translation>
    </message>
    <message>
        <source>Filings were checked against this rule set, so it cannot be changed. Make a new version instead.</source>
        <translation>已有备案按此规则校验，不能修改。请改为新建版本。</translation>
    </message>
    <message>
        <source>Filings were checked against this rule set, so it cannot be deleted. Close its period with a new version instead.</source>
        <translation>已有备案按此规则校验，不能删除。请新建版本以结束其有效期。</translation>
    </message>
</context>
<context>
    <name>RuleSetExchange</name>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>文件不是有效的 JSON（第 %2 字节处：%1）。</translation>
    </message>
    <message>
        <source>The file must hold a JSON array of rule sets.</source>
        <translation>文件须为规则的 JSON 数组。</translation>
    </message>
    <message>
        <source>Rule set %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <source>Rule set %1 (%2 from %3): %4</source>
        <translation>规则 %1（%2，自 %3 起）：%4</translation>
    </message>
</context>
<context>
    <name>ServiceRating</name>
    <message>
        <source>Unknown service &quot;%1&quot;: a rating is for a filing, a revocation or a kinship binding.</source>
        <translation>未知的业务“%1”：评价只针对备案、解除或亲情账户绑定。</translation>
    </message>
    <message>
        <source>A rating needs the number of the service it rates.</source>
        <translation>评价需要所评业务的编号。</translation>
    </message>
    <message>
        <source>A rating is a level from 1 (very dissatisfied) to 5 (very satisfied), not %1.</source>
        <translation>评价等级为 1（非常不满意）到 5（非常满意），不能是 %1。</translation>
    </message>
    <message>
        <source>A rating of %1 needs a reason from the list.</source>
        <translation>评价为“%1”时须从列表中选择原因。</translation>
    </message>
    <message>
        <source>The citizen&apos;s words are longer than %1 characters.</source>
        <translation>群众意见超过 %1 个字。</translation>
    </message>
    <message>
        <source>This service (%1) has been rated already; a rating is never changed.</source>
        <translation>该业务（%1）已评价，评价不可修改。</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>The signature is empty: let the authorizer sign on the citizen&apos;s screen.</source>
        <translation>签名为空：请授权人在客户屏上签名。</translation>
    </message>
    <message>
        <source>The signature has more than %1 points: clear it and let the authorizer sign again.</source>
        <translation>签名超过 %1 个点：请清除后让授权人重新签名。</translation>
    </message>
    <message>
        <source>The signature has a point outside the signing area.</source>
        <translation>签名有超出签名区域的点。</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Login or password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>This login is locked after %1 failed attempts until %2. Ask a supervisor if it was not you.</source>
        <translation>该登录名已连续 %1 次登录失败，锁定至 %2。如非本人操作，请联系主管。</translation>
    </message>
    <message>
        <source>Login or password is wrong. The login is now locked for %1 minutes.</source>
        <translation>登录名或密码错误。该登录名现已锁定 %1 分钟。</translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <source>The database is busy with another counter and did not become free in time. Nothing was saved; please try again.</source>
        <translation>数据库正被其他窗口占用，未能及时释放。未保存任何内容；请重试。</translation>
    </message>
    <message>
        <source>The database file is damaged. Nothing was saved. Stop working with it and restore the latest backup.</source>
        <translation>数据库文件已损坏，未保存任何内容。请停止使用并恢复最近的备份。</translation>
    </message>
    <message>
        <source>The office database server cannot be reached. Nothing was saved; what you entered is still on screen. Check the network and try again.</source>
        <translation>无法连接经办机构数据库服务器。未保存任何内容，已录入的信息仍在屏幕上。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The file is not a Gongji Desk database.</source>
        <translation>该文件不是共济受理台的数据库。</translation>
    </message>
    <message>
        <source>The database file cannot be written (read-only file or disk). Nothing was saved.</source>
        <translation>数据库文件无法写入（文件或磁盘只读）。未保存任何内容。</translation>
    </message>
    <message>
        <source>The change conflicts with data already stored (%1). Nothing was saved.</source>
        <translation>修改与已保存的数据冲突（%1）。未保存任何内容。</translation>
    </message>
    <message>
        <source>Database error: %1. Nothing was saved.</source>
        <translation>数据库错误：%1。未保存任何内容。</translation>
    </message>
    <message>
        <source>The office database does not allow this to the database role of this counter (%1). Nothing was saved; ask the administrator.</source>
        <translation>经办机构数据库不允许本窗口的数据库角色执行此操作（%1）。未保存任何内容；请联系管理员。</translation>
    </message>
</context>
<context>
    <name>SummaryDocument</name>
    <message>
        <source>There is no filing with number %1.</source>
        <translation>没有编号为 %1 的备案。</translation>
    </message>
    <message>
        <source>Filing %1 is incomplete in the database; nothing was printed.</source>
        <translation>数据库中备案 %1 的数据不完整，未打印。</translation>
    </message>
</context>
<context>
    <name>SummaryPainter</name>
    <message>
        <source>Cannot start painting on the printer or file.</source>
        <translation>无法在打印机或文件上开始绘制。</translation>
    </message>
    <message>
        <source>Cannot start a new page.</source>
        <translation>无法开始新的一页。</translation>
    </message>
</context>
<context>
    <name>SummaryPdf</name>
    <message>
        <source>Cannot write the PDF file %1: %2</source>
        <translation>无法写入 PDF 文件 %1：%2</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>未写入任何内容</translation>
    </message>
</context>
<context>
    <name>SummaryStyle</name>
    <message>
        <source>Printing needs a QGuiApplication (command-line tools: QT_QPA_PLATFORM=offscreen).</source>
        <translation>打印需要 QGuiApplication（命令行工具请设置 QT_QPA_PLATFORM=offscreen）。</translation>
    </message>
    <message>
        <source>No Chinese font for printing: install fonts-wqy-microhei or fonts-wqy-zenhei (looked for %1).</source>
        <translation>没有可用于打印的中文字体：请安装 fonts-wqy-microhei 或 fonts-wqy-zenhei（已查找 %1）。</translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message>
        <source>Family mutual aid of personal accounts: filing confirmation</source>
        <translation>个人账户家庭共济备案确认单</translation>
    </message>
    <message>
        <source>Family mutual aid of personal accounts: revocation confirmation</source>
        <translation>个人账户家庭共济解除确认单</translation>
    </message>
    <message>
        <source>Filing number</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Binding number</source>
        <translation>共济关系编号</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>经办机构</translation>
    </message>
    <message>
        <source>Office address</source>
        <translation>机构地址</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>受理窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Filed at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Rule set applied</source>
        <translation>适用规则</translation>
    </message>
    <message>
        <source>%1 (region %2, in effect from %3)</source>
        <translation>%1（区划 %2，自 %3 起施行）</translation>
    </message>
    <message>
        <source>Printed at</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Reprint no. %1, printed %2 by %3</source>
        <translation>第 %1 次补打，补打时间 %2，补打经办人 %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1页/共%2页</translation>
    </message>
    <message>
        <source>Scan for the filing number</source>
        <translation>扫码查询备案编号</translation>
    </message>
    <message>
        <source>1. Authorizer (the employee insured whose account pays)</source>
        <translation>一、授权人（共济人）</translation>
    </message>
    <message>
        <source>2. Targets (the relatives the account may pay for)</source>
        <translation>二、共济对象（被共济人）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>共济对象</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Relationship (GB/T 4761)</source>
        <translation>与授权人关系（GB/T 4761代码）</translation>
    </message>
    <message>
        <source>Pooling region</source>
        <translation>统筹区</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>Proofs seen</source>
        <translation>已查验证明材料</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>%1解除</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>3. Commitment</source>
        <translation>三、承诺事项</translation>
    </message>
    <message>
        <source>The authorizer acknowledged the commitment letter (version %1) at %2:</source>
        <translation>授权人已阅读并确认承诺书（版本 %1，确认时间 %2）：</translation>
    </message>
    <message>
        <source>4. Notices</source>
        <translation>四、告知事项</translation>
    </message>
    <message>
        <source>When a target pays for medical care or medicines, the target's own personal account pays first; only the rest is paid from the authorizer's personal account, as the rules allow.</source>
        <translation>共济对象就医购药结算时，先使用共济对象本人的个人账户支付；不足部分，再由授权人的个人账户按规定支付。</translation>
    </message>
    <message>
        <source>The authorizer or a target may end the binding at any time at a medical-insurance service counter, with a valid ID document and a reason; from the next payment on, the authorizer's account no longer pays.</source>
        <translation>授权人或共济对象可随时持有效身份证件到医保经办窗口申请解除共济关系并说明原因；解除后自下一笔结算起不再共济支付。</translation>
    </message>
    <message>
        <source>A binding ends automatically when the authorizer or the target is suspended, terminated or deceased, or is insured outside the territorial scope of the rules.</source>
        <translation>授权人或共济对象停保、终止参保、死亡，或参保地变化超出规定范围的，共济关系自动解除。</translation>
    </message>
    <message>
        <source>This is family mutual aid of the personal account, not the kinship account of the medical-insurance e-voucher: a kinship account only shows a relative's e-voucher, never uses another person's account, and is set up separately.</source>
        <translation>本单办理的是个人账户家庭共济，不是医保电子凭证的亲情账户：亲情账户仅代为出示亲属的医保电子凭证，不使用他人个人账户资金，需另行办理。</translation>
    </message>
    <message>
        <source>1. Authorizer and target</source>
        <translation>一、授权人与共济对象</translation>
    </message>
    <message>
        <source>2. Revocation</source>
        <translation>二、解除情况</translation>
    </message>
    <message>
        <source>3. Notices</source>
        <translation>三、告知事项</translation>
    </message>
    <message>
        <source>Bound since</source>
        <translation>建立时间</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <source>Ended by (clerk)</source>
        <translation>解除经办人</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>解除原因</translation>
    </message>
    <message>
        <source>the authorizer</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>the target</source>
        <translation>共济对象</translation>
    </message>
    <message>
        <source>the system (automatic end)</source>
        <translation>系统（自动解除）</translation>
    </message>
    <message>
        <source>The revocation took effect at %1. Payments made before it are not refunded.</source>
        <translation>解除自 %1 起生效，此前已发生的共济支付不予退回。</translation>
    </message>
    <message>
        <source>Under the rule set applied, the same pair cannot be bound again within %1 days of the revocation.</source>
        <translation>按适用规则，解除后 %1 日内不得再次绑定同一共济对象。</translation>
    </message>
    <message>
        <source>Applicant (authorizer), signature:</source>
        <translation>申请人（授权人）签字：</translation>
    </message>
    <message>
        <source>Applicant, signature:</source>
        <translation>申请人签字：</translation>
    </message>
    <message>
        <source>Clerk, signature:</source>
        <translation>经办人签字：</translation>
    </message>
    <message>
        <source>Date: ________ / _____ / _____</source>
        <translation>日期：________年_____月_____日</translation>
    </message>
    <message>
        <source>Medical-insurance kinship account: binding confirmation</source>
        <translation>医保亲情账户绑定确认单</translation>
    </message>
    <message>
        <source>Kinship binding number</source>
        <translation>绑定编号</translation>
    </message>
    <message>
        <source>Bound at</source>
        <translation>绑定时间</translation>
    </message>
    <message>
        <source>A kinship account only lets the holder show the member's medical-insurance e-voucher on the member's behalf. No money moves: the member pays with the member's own insurance and personal account. A kinship account is not family mutual aid.</source>
        <translation>亲情账户仅供持有人代为出示家庭成员的医保电子凭证，不发生任何资金划转：家庭成员就医购药仍由其本人的医保待遇和个人账户支付。亲情账户不是个人账户家庭共济。</translation>
    </message>
    <message>
        <source>Scan for the binding number</source>
        <translation>扫码查询绑定编号</translation>
    </message>
    <message>
        <source>1. Holder and member</source>
        <translation>一、亲情账户持有人与家庭成员</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Relationship to the holder (GB/T 4761)</source>
        <translation>与持有人关系（GB/T 4761代码）</translation>
    </message>
    <message>
        <source>2. Checks at the counter</source>
        <translation>二、核验情况</translation>
    </message>
    <message>
        <source>Face verification (member aged 16 or over)</source>
        <translation>人脸识别核验（年满16周岁的成员）</translation>
    </message>
    <message>
        <source>Household register seen (member under 16)</source>
        <translation>户口簿查验（未满16周岁的成员）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>已查验</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未进行</translation>
    </message>
    <message>
        <source>The holder may show the member's e-voucher on the holder's own phone, for the member's own medical care and medicines only; the member's own insurance and personal account pay.</source>
        <translation>持有人可在本人手机上代为出示家庭成员的医保电子凭证，仅用于该成员本人就医购药，费用由该成员本人的医保待遇和个人账户支付。</translation>
    </message>
    <message>
        <source>The holder or the member may end the binding at any time at a medical-insurance service counter, with a valid ID document.</source>
        <translation>持有人或家庭成员可随时持有效身份证件到医保经办窗口申请解除亲情账户绑定。</translation>
    </message>
    <message>
        <source>This binding does not let anyone's personal account pay for the member: that is family mutual aid, which is filed separately.</source>
        <translation>本次绑定不产生共济关系，任何人的个人账户均不为该成员支付费用；如需使用个人账户为家人支付，须另行办理个人账户家庭共济备案。</translation>
    </message>
    <message>
        <source>Applicant (holder), signature:</source>
        <translation>申请人（持有人）签字：</translation>
    </message>
    <message>
        <source>Resident identity card (household register)</source>
        <translation>居民身份证（户口簿）</translation>
    </message>
    <message>
        <source>Mainland travel permit for Hong Kong residents</source>
        <translation>港澳居民来往内地通行证（香港）</translation>
    </message>
    <message>
        <source>Mainland travel permit for Macau residents</source>
        <translation>港澳居民来往内地通行证（澳门）</translation>
    </message>
    <message>
        <source>Mainland travel permit for Taiwan residents</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreigner's permanent residence ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Foreign passport</source>
        <translation>外国人护照</translation>
    </message>
    <message>
        <source>Chinese passport</source>
        <translation>中国护照</translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macau and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母/外祖父母</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女/外孙子女</translation>
    </message>
    <message>
        <source>Spouse's parent</source>
        <translation>配偶的父母</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Marriage certificate</source>
        <translation>结婚证</translation>
    </message>
    <message>
        <source>Household register</source>
        <translation>户口簿</translation>
    </message>
    <message>
        <source>Medical birth certificate</source>
        <translation>出生医学证明</translation>
    </message>
    <message>
        <source>Police certificate of the relationship</source>
        <translation>公安机关亲属关系证明</translation>
    </message>
    <message>
        <source>Notarial certificate</source>
        <translation>公证书</translation>
    </message>
    <message>
        <source>Employee basic medical insurance</source>
        <translation>职工基本医疗保险</translation>
    </message>
    <message>
        <source>Urban and rural resident basic medical insurance</source>
        <translation>城乡居民基本医疗保险</translation>
    </message>
    <message>
        <source>authorized until %1 (inclusive)</source>
        <translation>授权期限至%1（含当日）</translation>
    </message>
    <message>
        <source>Quota (共济额度)</source>
        <translation>共济额度</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Money inside a quota is set aside for its own target: while the binding lasts, neither the authorizer nor the authorizer's other relatives can use it; what is unused goes back to the authorizer when the binding ends.</source>
        <translation>共济额度内的资金仅用于对应的共济对象：共济关系存续期间，授权人本人及其他共济对象均不得使用；关系解除后，未使用部分退回授权人个人账户。</translation>
    </message>
    <message>
        <source>The quota of %1 yuan set aside for this target is freed: what is unused is the authorizer's own balance again.</source>
        <translation>为该共济对象预留的共济额度 %1 元已释放，未使用部分重新计入授权人个人账户。</translation>
    </message>
    <message>
        <source>Family mutual aid of personal accounts: quota change confirmation</source>
        <translation>个人账户家庭共济额度调整确认单</translation>
    </message>
    <message>
        <source>2. Quota change</source>
        <translation>二、额度调整情况</translation>
    </message>
    <message>
        <source>Quota before</source>
        <translation>调整前额度</translation>
    </message>
    <message>
        <source>Quota after</source>
        <translation>调整后额度</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>调整时间</translation>
    </message>
    <message>
        <source>Changed by (clerk)</source>
        <translation>调整经办人</translation>
    </message>
    <message>
        <source>Quota change number</source>
        <translation>额度调整编号</translation>
    </message>
    <message>
        <source>Acknowledged on paper: the authorizer signed the paper copy of the letter.</source>
        <translation>确认方式：纸质承诺书签字。</translation>
    </message>
    <message>
        <source>Acknowledged on the citizen&apos;s screen: the authorizer ticked the pledge there at %1.</source>
        <translation>确认方式：授权人于 %1 在客户屏上勾选承诺。</translation>
    </message>
    <message>
        <source>Signed on the citizen&apos;s screen at %1</source>
        <translation>于 %1 在客户屏签名</translation>
    </message>
</context>
<context>
    <name>gongji::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>First day shown; at its lowest date it shows “any day” (no limit); All days clears both dates</source>
        <translation>显示的第一天；调到最早日期时显示“不限”（不限制）；“全部日期”清除两个日期</translation>
    </message>
    <message>
        <source>Last day shown, included; at its lowest date it shows “any day” (no limit); All days clears both dates</source>
        <translation>显示的最后一天（含当天）；调到最早日期时显示“不限”（不限制）；“全部日期”清除两个日期</translation>
    </message>
    <message>
        <source>C&amp;lerk:</source>
        <translation>柜员(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>今天(&amp;O)</translation>
    </message>
    <message>
        <source>Only today's entries</source>
        <translation>只看今天的记录</translation>
    </message>
    <message>
        <source>All &amp;days</source>
        <translation>全部日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the entries the filter selects as a CSV file for a spreadsheet (UTF-8)</source>
        <translation>将筛选出的记录保存为可用电子表格打开的 CSV 文件（UTF-8）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>All clerks</source>
        <translation>全部柜员</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>The last day is before the first day: change From or To.</source>
        <translation>结束日期早于开始日期：请修改“从”或“至”。</translation>
    </message>
    <message>
        <source>No entries match the filter.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <source>Newest %1 entries shown; scroll down for older ones.</source>
        <translation>已显示最新的 %1 条记录；向下滚动查看更早的记录。</translation>
    </message>
    <message>
        <source>%1 entries, newest first.</source>
        <translation>共 %1 条记录，最新的在前。</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>%1 entries exported to %2.</source>
        <translation>已将 %1 条记录导出到 %2。</translation>
    </message>
</context>
<context>
    <name>gongji::AuthorizerPage</name>
    <message>
        <source>Authorizer</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>The employee-insured person who lets relatives use the personal account. Read the ID card or type the number, then press Enter.</source>
        <translation>授权亲属使用本人医保个人账户的职工医保参保人。请读取身份证或输入证件号码，然后按回车键。</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>Enter: look up · Enter again: next step</source>
        <translation>回车：查询 · 再按回车：下一步</translation>
    </message>
    <message>
        <source>ID &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>Type or read the authorizer's ID number.</source>
        <translation>请输入或读取授权人的证件号码。</translation>
    </message>
</context>
<context>
    <name>gongji::BindingTabs</name>
    <message>
        <source>Mutual aid</source>
        <translation>共济</translation>
    </message>
    <message>
        <source>Kinship</source>
        <translation>亲情</translation>
    </message>
    <message>
        <source>Authorizes</source>
        <translation>授权他人</translation>
    </message>
    <message>
        <source>Authorized by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>Holders</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Ended bindings</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>gongji::CitizenScreenDialog</name>
    <message>
        <source>Citizen&apos;s screen</source>
        <translation>客户屏</translation>
    </message>
    <message>
        <source>Automatic: a second screen if there is one, else a window</source>
        <translation>自动：有第二块屏幕时全屏显示在该屏幕，否则显示为普通窗口</translation>
    </message>
    <message>
        <source>Screen %1 (%2 × %3)</source>
        <translation>屏幕 %1（%2 × %3）</translation>
    </message>
    <message>
        <source>Off (the clerk ticks the signed paper copy)</source>
        <translation>关闭（由经办人勾选纸质承诺书已签字）</translation>
    </message>
    <message>
        <source>The citizen&apos;s screen shows the authorizer the data to check, the commitment letter to tick, the targets and the filing number, in Simplified Chinese and with ID numbers masked.</source>
        <translation>客户屏向群众显示需要核对的信息、需要勾选的承诺书、共济对象和备案编号；始终使用简体中文，证件号码脱敏显示。</translation>
    </message>
    <message>
        <source>Sho&amp;w on:</source>
        <translation>显示位置(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>gongji::ClerkAccountsDialog</name>
    <message>
        <source>Clerk accounts</source>
        <translation>柜员账号</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Acco&amp;unts:</source>
        <translation>账号(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>解锁(&amp;L)</translation>
    </message>
    <message>
        <source>Lift the lock after failed sign-ins</source>
        <translation>解除登录失败后的锁定</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>重置密码(&amp;R)</translation>
    </message>
    <message>
        <source>Give the selected account this new password; tell it to the clerk in person</source>
        <translation>为选中的账号设置此新密码；请当面告知柜员</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <source>e.g. wangfang</source>
        <translation>例如 wangfang</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>新增账号(&amp;A)</translation>
    </message>
    <message>
        <source>Lo&amp;gin:</source>
        <translation>登录名(&amp;G)：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Repea&amp;t password:</source>
        <translation>确认密码(&amp;T)：</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>The account %1 was added.</source>
        <translation>已新增账号 %1。</translation>
    </message>
    <message>
        <source>The account %1 is enabled.</source>
        <translation>账号 %1 已启用。</translation>
    </message>
    <message>
        <source>The account %1 is disabled: it can no longer sign in.</source>
        <translation>账号 %1 已停用：不能再登录。</translation>
    </message>
    <message>
        <source>The account %1 is unlocked.</source>
        <translation>账号 %1 已解锁。</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same new password twice.</source>
        <translation>两次输入的新密码不一致：请输入两次相同的新密码。</translation>
    </message>
    <message>
        <source>The password of %1 was reset; tell it to the clerk in person.</source>
        <translation>已重置 %1 的密码；请当面告知柜员。</translation>
    </message>
</context>
<context>
    <name>gongji::CommitmentPage</name>
    <message>
        <source>Commitment letter</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Let the authorizer read the letter, tick the pledge and sign the paper copy.</source>
        <translation>请授权人阅读承诺书，勾选承诺并在纸质承诺书上签字。</translation>
    </message>
    <message>
        <source>Commitment &amp;letter (version %1):</source>
        <translation>承诺书(&amp;L)（版本 %1）：</translation>
    </message>
    <message>
        <source>Authorizer's &amp;pledge:</source>
        <translation>授权人承诺(&amp;P)：</translation>
    </message>
    <message>
        <source>The authorizer has si&amp;gned the paper copy of the letter</source>
        <translation>授权人已在纸质承诺书上签字(&amp;G)</translation>
    </message>
    <message>
        <source>Clerk:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <source>The authorizer ticked the pledge on the citizen&apos;s screen at %1.</source>
        <translation>授权人已于 %1 在客户屏上勾选承诺，无需纸质签字确认。</translation>
    </message>
</context>
<context>
    <name>gongji::ConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Check every target with the authorizer, then submit the filing.</source>
        <translation>与授权人逐一核对共济对象，然后提交备案。</translation>
    </message>
    <message>
        <source>S&amp;ubmit filing</source>
        <translation>提交备案(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Targets to file:</source>
        <translation>本次备案的共济对象(&amp;T)：</translation>
    </message>
    <message>
        <source>Authorizer: &lt;b&gt;%1&lt;/b&gt; (%2) · commitment version %3 · rules: %4</source>
        <translation>授权人：&lt;b&gt;%1&lt;/b&gt;（%2）· 承诺书版本 %3 · 适用规则：%4</translation>
    </message>
    <message>
        <source>row %1 %2 (%3)</source>
        <translation>第 %1 行 %2（%3）</translation>
    </message>
    <message>
        <source>Cannot submit: remove the refused targets first: %1. Go back (Alt+B) to the targets and delete them.</source>
        <translation>无法提交：请先移除不予受理的共济对象：%1。请返回上一步（Alt+B）删除。</translation>
    </message>
    <message>
        <source>I have &amp;checked the warned relationships with the documents: %1</source>
        <translation>我已核对证件，确认以下有提示的亲属关系属实(&amp;C)：%1</translation>
    </message>
    <message>
        <source>The filing was not stored; the check at submission found:
%1</source>
        <translation>备案未保存，提交时复核发现：
%1</translation>
    </message>
    <message>
        <source>Quotas set aside (共济额度): &lt;b&gt;%1 yuan&lt;/b&gt;</source>
        <translation>预留共济额度：&lt;b&gt;%1 元&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not signed on the citizen&apos;s screen: the authorizer signs the printed summary.</source>
        <translation>未在客户屏签名：授权人在打印的确认单上签字。</translation>
    </message>
</context>
<context>
    <name>gongji::DamagedDatabaseDialog</name>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Gongji Desk backups (*.sqlite);;All files (*)</source>
        <translation>共济受理台备份 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Gongji Desk cannot work with its database.</source>
        <translation>共济受理台无法使用其数据库。</translation>
    </message>
    <message>
        <source>The damaged file has not been changed. If you restore a backup, it is kept beside the restored one (its name ends in .damaged- and the time) for the office administrator.</source>
        <translation>损坏的文件未被更改。恢复备份后，它会保留在恢复后的文件旁边（文件名以 .damaged- 加时间结尾），供机构管理员处理。</translation>
    </message>
    <message>
        <source>&amp;Restore the backup of %1</source>
        <translation>恢复 %1 的备份(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Choose another backup…</source>
        <translation>选择其他备份(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Call the office administrator: with a backup file (for example from another computer or a USB stick) they can put it in place with "gongji-admin --db %1 restore FILE", or you can choose it here.</source>
        <translation>请联系机构管理员：如有备份文件（例如来自另一台电脑或U盘），管理员可用“gongji-admin --db %1 restore 文件”将其恢复，也可以在此处选择该文件。</translation>
    </message>
    <message>
        <source>The newest backup that passes the integrity check was made on %1 (%2). Filings and changes stored after that time are not in it: enter them again from their signed summaries.</source>
        <translation>通过完整性检查的最新备份制作于 %1（%2）。此后保存的备案和更改不在其中：请根据已签字的确认单重新录入。</translation>
    </message>
    <message numerus="yes">
        <source>%n newer backup(s) failed the check and are not offered.</source>
        <translation>
            <numerusform>另有 %n 个较新的备份未通过检查，不予提供。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n backup(s) in %1 passes the integrity check.</source>
        <translation>
            <numerusform>%1 中的 %n 个备份均未通过完整性检查。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no backup of this database in %1.</source>
        <translation>%1 中没有此数据库的备份。</translation>
    </message>
</context>
<context>
    <name>gongji::DatabaseSettingsDialog</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>empty: the file of this computer</source>
        <translation>留空：使用本机的数据库文件</translation>
    </message>
    <message>
        <source>A SQLite file of this computer, or the office server shared by every counter: postgresql://USER@HOST[:PORT]/DBNAME?sslmode=verify-full&amp;sslrootcert=CA-FILE. No password here: it is read from the password file (~/.pgpass) or asked at start. Takes effect at the next start; --db on the command line still wins.</source>
        <translation>本机的 SQLite 数据库文件，或各窗口共用的经办机构服务器：postgresql://用户@主机[:端口]/库名?sslmode=verify-full&amp;sslrootcert=CA文件。此处不写密码：启动时从密码文件（~/.pgpass）读取或询问。下次启动时生效；命令行参数 --db 仍然优先。</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>The password was taken out of the address: the settings are stored as plain text. At start the desk reads it from the password file (~/.pgpass) or asks for it. Press Save again to keep the address without it.</source>
        <translation>已从地址中去掉密码：设置以明文保存。启动时受理台从密码文件（~/.pgpass）读取或询问密码。再按一次“保存”即保存不含密码的地址。</translation>
    </message>
    <message>
        <source>A SQLite file of this computer, or the office server shared by every counter: postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME. Takes effect at the next start; --db on the command line still wins.</source>
        <translation>本机的 SQLite 数据库文件，或各窗口共用的经办机构服务器：postgresql://用户[:密码]@主机[:端口]/数据库名。下次启动时生效；命令行参数 --db 仍然优先。</translation>
    </message>
</context>
<context>
    <name>gongji::DeskMain</name>
    <message>
        <source>Cannot open the database</source>
        <translation type="vanished">无法打开数据库</translation>
    </message>
    <message>
        <source>Cannot load the demo data</source>
        <translation>无法载入演示数据</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
</context>
<context>
    <name>gongji::DeskPages</name>
    <message>
        <source>Kinship binding %1 stored.</source>
        <translation>亲情账户绑定 %1 已保存。</translation>
    </message>
    <message>
        <source>Mutual-aid &amp;filing (共济备案)</source>
        <translation>共济备案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Household review (家庭查询)</source>
        <translation>家庭查询(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kinship account (亲情账户)</source>
        <translation>亲情账户(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>业务(&amp;W)</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>业务</translation>
    </message>
</context>
<context>
    <name>gongji::DeskSession</name>
    <message>
        <source>Cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>The database has no accounts yet: start without --clerk and --password-file to create the first supervisor.</source>
        <translation>数据库中还没有任何账号：请不带 --clerk 和 --password-file 启动，先创建首个主管账号。</translation>
    </message>
    <message>
        <source>The password of %1 has expired: sign in here and choose a new one.</source>
        <translation>%1 的密码已过期：请在此登录并设置新密码。</translation>
    </message>
</context>
<context>
    <name>gongji::DiagramLegend</name>
    <message>
        <source>Mutual aid (共济): authorizer → target</source>
        <translation>家庭共济：授权人 → 共济对象</translation>
    </message>
    <message>
        <source>Kinship account (亲情): holder → member</source>
        <translation>亲情账户：持有人 → 成员</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已解除</translation>
    </message>
</context>
<context>
    <name>gongji::DiagramPersonItem</name>
    <message>
        <source>Click or press Enter to open %1</source>
        <translation>单击或按回车查看 %1</translation>
    </message>
</context>
<context>
    <name>gongji::DonePage</name>
    <message>
        <source>Filing stored</source>
        <translation>备案完成</translation>
    </message>
    <message>
        <source>Give the authorizer the filing number. Press Enter to start the next filing.</source>
        <translation>请将备案编号告知授权人。按回车键开始办理下一笔。</translation>
    </message>
    <message>
        <source>Start &amp;next filing</source>
        <translation>办理下一笔(&amp;N)</translation>
    </message>
    <message>
        <source>Filing n&amp;umber:</source>
        <translation>备案编号(&amp;U)：</translation>
    </message>
    <message numerus="yes">
        <source>Authorizer %1 · %n target(s): %2 · stored %3 by %4</source>
        <translation>
            <numerusform>授权人 %1 · 共济对象 %n 人：%2 · %3 由 %4 办理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gongji::FilingTargetsModel</name>
    <message>
        <source>Not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>不予受理：%1</translation>
    </message>
    <message>
        <source>Accepted, warning confirmed: %1</source>
        <translation>受理，提示已确认：%1</translation>
    </message>
    <message>
        <source>Check warning: %1</source>
        <translation>待确认提示：%1</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>授权期限至</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Quota (yuan)</source>
        <translation>共济额度（元）</translation>
    </message>
</context>
<context>
    <name>gongji::FilingWizard</name>
    <message>
        <source>Cancel filing (Esc)</source>
        <translation>取消本笔(Esc)</translation>
    </message>
    <message>
        <source>Discard this filing?</source>
        <translation>放弃本笔备案？</translation>
    </message>
    <message>
        <source>The filing being entered has not been submitted. Discard it and start a new one?</source>
        <translation>正在录入的备案尚未提交。放弃并开始新的一笔吗？</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
</context>
<context>
    <name>gongji::FirstSupervisorDialog</name>
    <message>
        <source>First supervisor – Gongji Desk</source>
        <translation>创建首个主管账号 – 共济受理台</translation>
    </message>
    <message>
        <source>&lt;b&gt;This database has no accounts yet.&lt;/b&gt;&lt;br&gt;Create the first supervisor account. The supervisor signs in with it and then adds the clerks.</source>
        <translation>&lt;b&gt;此数据库还没有任何账号。&lt;/b&gt;&lt;br&gt;请创建第一个主管账号。主管用它登录后，再添加经办人账号。</translation>
    </message>
    <message>
        <source>lower-case letters and digits, e.g. zhangwei</source>
        <translation>小写字母和数字，例如 zhangwei</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Create supervisor</source>
        <translation>创建主管账号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password in both fields.</source>
        <translation>两次输入的密码不一致，请在两栏中输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>gongji::HouseholdBindingsModel</name>
    <message>
        <source>Waiting for the platform</source>
        <translation>待平台确认</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>平台退回：%1</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台回执</translation>
    </message>
    <message>
        <source>%1 (asked by %2)</source>
        <translation>%1（%2申请）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Target / member</source>
        <translation>共济对象/成员</translation>
    </message>
    <message>
        <source>Authorizer / holder</source>
        <translation>授权人/持有人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Filing no.</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>终止时间</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>关系核对</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>授权期限至</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>expired: the authorization period ended on %1</source>
        <translation>到期：授权期限已于 %1 届满</translation>
    </message>
    <message>
        <source>Quota (yuan)</source>
        <translation>共济额度（元）</translation>
    </message>
</context>
<context>
    <name>gongji::HouseholdDiagram</name>
    <message>
        <source>Mutual aid</source>
        <translation>共济</translation>
    </message>
    <message>
        <source>Kinship</source>
        <translation>亲情</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>%1 已解除</translation>
    </message>
    <message>
        <source>Look up a person to see their household here.</source>
        <translation>查询参保人后，此处显示其家庭关系图。</translation>
    </message>
</context>
<context>
    <name>gongji::HouseholdScreen</name>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>start of the name</source>
        <translation>姓名开头</translation>
    </message>
    <message>
        <source>Sear&amp;ch by name</source>
        <translation>按姓名查找(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回上一位(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the person shown before (Alt+Left)</source>
        <translation>返回之前查看的人员（Alt+←）</translation>
    </message>
    <message>
        <source>ID &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>or na&amp;me:</source>
        <translation>或姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>Person in the registry</source>
        <translation>参保人信息</translation>
    </message>
    <message>
        <source>&amp;Revoke (解除)…</source>
        <translation>解除(&amp;R)…</translation>
    </message>
    <message>
        <source>End the binding selected in the list (Del)</source>
        <translation>解除列表中选中的绑定关系（Del）</translation>
    </message>
    <message>
        <source>Pa&amp;yment order preview…</source>
        <translation>支付顺序预览(&amp;Y)…</translation>
    </message>
    <message>
        <source>Add &amp;kinship member…</source>
        <translation>添加亲情账户成员(&amp;K)…</translation>
    </message>
    <message>
        <source>Bind a kinship-account member with this person as holder</source>
        <translation>以此人为持有人绑定亲情账户成员</translation>
    </message>
    <message>
        <source>Household &amp;diagram</source>
        <translation>家庭关系图(&amp;D)</translation>
    </message>
    <message>
        <source>Show the &amp;2nd step</source>
        <translation>显示第二层(&amp;2)</translation>
    </message>
    <message>
        <source>Also the people bound to the people bound to this person</source>
        <translation>同时显示与其关联人员相绑定的人员</translation>
    </message>
    <message>
        <source>Show &amp;ended bindings</source>
        <translation>显示已解除(&amp;E)</translation>
    </message>
    <message>
        <source>Click a person, or choose with the arrow keys and press Enter, to open them.</source>
        <translation>单击人员方框，或用方向键选择后按回车，即可查看该人员。</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>Type or read an ID number, or type the start of a name.</source>
        <translation>请输入或读取证件号码，或输入姓名开头。</translation>
    </message>
    <message>
        <source>Type the start of a name.</source>
        <translation>请输入姓名开头。</translation>
    </message>
    <message>
        <source>Nobody in the registry has a name starting with “%1”.</source>
        <translation>参保人库中没有姓名以“%1”开头的人员。</translation>
    </message>
    <message>
        <source>%1 with %2 ended.</source>
        <translation type="vanished">已解除与 %2 的%1关系。</translation>
    </message>
    <message>
        <source>Re&amp;print summary</source>
        <translation>补打确认单(&amp;P)</translation>
    </message>
    <message>
        <source>Print, preview or save as PDF the summary of the binding selected in the list</source>
        <translation>打印、预览或另存为 PDF：列表中所选绑定关系的确认单</translation>
    </message>
    <message>
        <source>Reprint summary</source>
        <translation>补打确认单</translation>
    </message>
    <message>
        <source>%1 with %2 ended. Print its summary with "Reprint summary".</source>
        <translation>已解除与%2的%1。可用“补打确认单”打印解除确认单。</translation>
    </message>
    <message>
        <source>Change &amp;quota (调整额度)…</source>
        <translation>调整额度(&amp;Q)…</translation>
    </message>
    <message>
        <source>Change the quota set aside on the mutual-aid binding selected in the list</source>
        <translation>调整列表中所选共济关系的预留额度</translation>
    </message>
    <message>
        <source>Quota of %1 changed. Print its summary with "Reprint summary".</source>
        <translation>%1 的共济额度已调整。请用“补打确认单”打印调整确认单。</translation>
    </message>
</context>
<context>
    <name>gongji::IdNumberEdit</name>
    <message>
        <source>18 characters, the last may be X</source>
        <translation>18 位，末位可为 X</translation>
    </message>
    <message>
        <source>H followed by 8 or 10 digits</source>
        <translation>H 加 8 位或 10 位数字</translation>
    </message>
    <message>
        <source>M followed by 8 or 10 digits</source>
        <translation>M 加 8 位或 10 位数字</translation>
    </message>
    <message>
        <source>8 digits (old booklets: 10 characters)</source>
        <translation>8 位数字（旧版本册：10 位）</translation>
    </message>
    <message>
        <source>18 digits starting with 9, or 3 letters and 12 digits</source>
        <translation>以 9 开头的 18 位，或 3 位字母加 12 位数字</translation>
    </message>
    <message>
        <source>5 to 17 letters and digits</source>
        <translation>5 至 17 位字母和数字</translation>
    </message>
    <message>
        <source>E or G followed by 8 characters</source>
        <translation>E 或 G 加 8 位</translation>
    </message>
</context>
<context>
    <name>gongji::IdleLockDialog</name>
    <message>
        <source>Automatic lock</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <source>The counter locks itself when nobody has typed or used the mouse for this long; the password unlocks it and the work in progress is kept. Ctrl+L locks at once.</source>
        <translation>键盘和鼠标闲置达到此时长后，受理台自动锁定；输入密码即可解锁，正在办理的业务会保留。按 Ctrl+L 立即锁定。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>闲置后锁定(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>gongji::ImpactDialog</name>
    <message>
        <source>Impact on existing bindings</source>
        <translation>对现有共济关系的影响</translation>
    </message>
    <message>
        <source>No active binding governed by this change would be refused today (%1 checked).</source>
        <translation>本次变更所适用的有效共济关系均不会被拒绝（已检查 %1 条）。</translation>
    </message>
    <message>
        <source>These bindings stay in force: saving does not end them. They would be refused if filed again under the new rules.</source>
        <translation>这些共济关系继续有效，保存不会解除它们；但按新规则重新备案时将被拒绝。</translation>
    </message>
    <message>
        <source>Refusals by code:</source>
        <translation>按拒绝代码统计：</translation>
    </message>
    <message>
        <source>Bindings that would be refused:</source>
        <translation>将被拒绝的共济关系：</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>仍然保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>关系数</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>关系编号</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>共济对象</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>拒绝代码</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export impact report</source>
        <translation>导出影响报告</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>gongji::KinshipPage</name>
    <message>
        <source>New kinship-account binding: a holder may show a relative's medical-insurance e-voucher.</source>
        <translation>新增亲情账户绑定：持有人可代为出示亲属的医保电子凭证。</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>Holder (持有人): who will show the member's e-voucher</source>
        <translation>持有人：代为出示成员电子凭证的人</translation>
    </message>
    <message>
        <source>ID &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>Face &amp;verification done (member %1 or over)</source>
        <translation>已完成人脸识别核验（成员年满 %1 周岁）(&amp;V)</translation>
    </message>
    <message>
        <source>Household re&amp;gister (户口簿) seen (member under %1)</source>
        <translation>已查验户口簿（成员未满 %1 周岁）(&amp;G)</translation>
    </message>
    <message>
        <source>Member (成员): whose e-voucher the holder may show</source>
        <translation>成员：持有人可代为出示其电子凭证的人</translation>
    </message>
    <message>
        <source>&amp;Relationship to the holder:</source>
        <translation>与持有人关系(&amp;R)：</translation>
    </message>
    <message>
        <source>ID t&amp;ype:</source>
        <translation>证件类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>ID n&amp;umber:</source>
        <translation>证件号码(&amp;U)：</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>核验：</translation>
    </message>
    <message>
        <source>Su&amp;bmit kinship binding</source>
        <translation>提交亲情账户绑定(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next member</source>
        <translation>下一位成员(&amp;N)</translation>
    </message>
    <message>
        <source>The holder's kinship members now:</source>
        <translation>持有人现有的亲情账户成员：</translation>
    </message>
    <message>
        <source>Type or read the holder's ID number.</source>
        <translation>请输入或读取持有人的证件号码。</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>&lt;span style="color:#80888f"&gt;No holder looked up yet.&lt;/span&gt;</source>
        <translation>&lt;span style="color:#80888f"&gt;尚未查询持有人。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b style="font-size:large"&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; %3&lt;br&gt;&lt;span style="color:%4"&gt;Kinship members now: %5 of at most %6&lt;/span&gt; %7</source>
        <translation>&lt;b style="font-size:large"&gt;%1&lt;/b&gt; &amp;nbsp; %2 &amp;nbsp; %3&lt;br&gt;&lt;span style="color:%4"&gt;现有亲情账户成员：%5 人（最多 %6 人）&lt;/span&gt; %7</translation>
    </message>
    <message>
        <source>Born %1, aged %2: the household register must be seen.</source>
        <translation>出生于 %1，%2 周岁：须查验户口簿。</translation>
    </message>
    <message>
        <source>Born %1, aged %2: face verification must be done.</source>
        <translation>出生于 %1，%2 周岁：须完成人脸识别核验。</translation>
    </message>
    <message>
        <source>Look up the holder first (Enter in the ID number).</source>
        <translation>请先查询持有人（在证件号码栏按回车）。</translation>
    </message>
    <message>
        <source>Type the member's name as on the ID document.</source>
        <translation>请按证件填写成员姓名。</translation>
    </message>
    <message>
        <source>Type or read the member's ID number.</source>
        <translation>请输入或读取成员的证件号码。</translation>
    </message>
    <message>
        <source>Not stored: correct what is shown beside the fields.</source>
        <translation>未保存：请按字段旁的提示更正。</translation>
    </message>
    <message>
        <source>&lt;span style="color:%1"&gt;Kinship binding stored. Number: &lt;b style="font-size:x-large"&gt;%2&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style="color:%1"&gt;亲情账户绑定成功。编号：&lt;b style="font-size:x-large"&gt;%2&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Print &amp;confirmation</source>
        <translation>打印确认单(&amp;C)</translation>
    </message>
    <message>
        <source>Print confirmation</source>
        <translation>打印确认单</translation>
    </message>
</context>
<context>
    <name>gongji::LockScreen</name>
    <message>
        <source>This counter is locked</source>
        <translation>受理台已锁定</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>The work in progress is kept. Type the password of this login to go on, or sign out to let another clerk sign in.</source>
        <translation>正在办理的业务已保留。输入该账号的密码继续办理，或注销后由其他经办人登录。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1（%2），%3</translation>
    </message>
</context>
<context>
    <name>gongji::MainWindow</name>
    <message>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <source>Gongji Desk</source>
        <translation>共济受理台</translation>
    </message>
    <message>
        <source>Family mutual-aid filing</source>
        <translation>个人账户家庭共济备案</translation>
    </message>
    <message>
        <source>Personal account pays for close relatives (not the kinship account)</source>
        <translation>个人账户为近亲属支付费用（不是亲情账户）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation type="vanished">经办人：%1</translation>
    </message>
    <message>
        <source>Filing %1 stored.</source>
        <translation>备案 %1 已保存。</translation>
    </message>
    <message>
        <source>&amp;Filing</source>
        <translation>备案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New filing</source>
        <translation>新建备案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gongji Desk</source>
        <translation>关于共济受理台(&amp;A)</translation>
    </message>
    <message>
        <source>Administrati&amp;on</source>
        <translation>管理(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Rule sets…</source>
        <translation>规则集(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import registry…</source>
        <translation>导入参保登记(&amp;I)…</translation>
    </message>
    <message>
        <source>About Gongji Desk</source>
        <translation>关于共济受理台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gongji Desk %1&lt;/h3&gt;&lt;p&gt;Counter application for family mutual-aid filings of medical-insurance personal accounts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;共济受理台 %1&lt;/h3&gt;&lt;p&gt;医保个人账户家庭共济窗口备案系统。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit Gongji Desk?</source>
        <translation>退出共济受理台？</translation>
    </message>
    <message>
        <source>The filing being entered has not been submitted and will be lost. Quit anyway?</source>
        <translation>正在录入的备案尚未提交，退出后将丢失。仍要退出吗？</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Office details…</source>
        <translation>经办机构信息(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>&amp;Clerk accounts…</source>
        <translation>柜员账号(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Automatic &amp;lock…</source>
        <translation>自动锁定(&amp;L)…</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>注销？</translation>
    </message>
    <message>
        <source>The filing or kinship binding being entered has not been submitted and will be lost when you sign out. Sign out anyway?</source>
        <translation>正在录入的备案或亲情账户绑定尚未提交，注销后将丢失。仍要注销吗？</translation>
    </message>
    <message>
        <source>The counter is locked: unlock it or sign out first.</source>
        <translation>受理台已锁定：请先解锁或注销。</translation>
    </message>
    <message>
        <source>&amp;Citizen&apos;s screen…</source>
        <translation>客户屏(&amp;C)…</translation>
    </message>
    <message>
        <source>The citizen rated %1: %2.</source>
        <translation>群众对 %1 的评价：%2。</translation>
    </message>
</context>
<context>
    <name>gongji::NoticePage</name>
    <message>
        <source>Operation notice</source>
        <translation>操作提示</translation>
    </message>
    <message>
        <source>Explain to the authorizer what mutual aid is, who pays first and how to revoke it.</source>
        <translation>向授权人说明家庭共济是什么、支付顺序以及如何解除。</translation>
    </message>
    <message>
        <source>Operation noti&amp;ce:</source>
        <translation>操作提示(&amp;C)：</translation>
    </message>
    <message>
        <source>in the order the bindings were made</source>
        <translation>按绑定先后顺序</translation>
    </message>
    <message>
        <source>highest balance first</source>
        <translation>按账户余额从高到低</translation>
    </message>
    <message numerus="yes">
        <source>at most %n authorizer(s) per target</source>
        <translation>
            <numerusform>每名共济对象最多 %n 名授权人</numerusform>
        </translation>
    </message>
    <message>
        <source>no limit of authorizers per target</source>
        <translation>每名共济对象的授权人数不限</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules in force:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;适用规则：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Relatives allowed: %1</source>
        <translation>允许的亲属关系：%1</translation>
    </message>
    <message>
        <source>Where targets must be insured: %1</source>
        <translation>共济对象参保地范围：%1</translation>
    </message>
    <message>
        <source>Several authorizers pay %1; %2.</source>
        <translation>多名授权人时%1支付；%2。</translation>
    </message>
    <message>
        <source>Reserve kept in the authorizer's account: %1 yuan</source>
        <translation>授权人账户保留额度：%1 元</translation>
    </message>
</context>
<context>
    <name>gongji::OfficeSettingsDialog</name>
    <message>
        <source>Office details</source>
        <translation>经办机构信息</translation>
    </message>
    <message>
        <source>e.g. the city's medical-insurance service centre</source>
        <translation>例如：××市医疗保障服务中心</translation>
    </message>
    <message>
        <source>e.g. window 3</source>
        <translation>例如：3号窗口</translation>
    </message>
    <message>
        <source>Printed in the header of every confirmation summary from this counter.</source>
        <translation>本窗口打印的每份确认单都在抬头印出以下信息。</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>经办机构名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>机构地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Counter:</source>
        <translation>受理窗口(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>gongji::PaymentPreviewDialog</name>
    <message>
        <source>Payment order preview</source>
        <translation>支付顺序预览</translation>
    </message>
    <message>
        <source>Who pays an own-share cost of %1 (%2)</source>
        <translation>%1（%2）的个人负担费用由谁支付</translation>
    </message>
    <message>
        <source>e.g. 1200.50</source>
        <translation>例如 1200.50</translation>
    </message>
    <message>
        <source>Own-share &amp;amount (yuan):</source>
        <translation>个人负担金额（元）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Calculate</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Paid from</source>
        <translation>支付来源</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>账户所有人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用金额</translation>
    </message>
    <message>
        <source>Pays (yuan)</source>
        <translation>本次支付（元）</translation>
    </message>
    <message>
        <source>Type the own-share amount in yuan, with at most two decimals.</source>
        <translation>请输入个人负担金额，单位为元，最多两位小数。</translation>
    </message>
    <message>
        <source>Authorizers pay in the order they were bound (rule set in force).</source>
        <translation>授权人按绑定先后顺序支付（依现行规则）。</translation>
    </message>
    <message>
        <source>Authorizers pay largest available balance first (rule set in force).</source>
        <translation>授权人按可用余额从高到低支付（依现行规则）。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>gongji::PersonCard</name>
    <message>
        <source>Authorizer in the registry</source>
        <translation>授权人参保信息</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>ID document:</source>
        <translation>证件：</translation>
    </message>
    <message>
        <source>Insurance:</source>
        <translation>险种：</translation>
    </message>
    <message>
        <source>Pooling region:</source>
        <translation>统筹区：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>参保状态：</translation>
    </message>
    <message>
        <source>Account balance:</source>
        <translation>个人账户余额：</translation>
    </message>
    <message>
        <source>Rules in force:</source>
        <translation>适用规则：</translation>
    </message>
    <message>
        <source>public medical care</source>
        <translation>公费医疗</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>no personal account</source>
        <translation>无个人账户</translation>
    </message>
    <message>
        <source>none in force</source>
        <translation>无有效规则</translation>
    </message>
    <message>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Show the full ID number on this card; the reveal is recorded in the audit log</source>
        <translation>在此卡片上显示完整证件号码；此操作会记入审计日志</translation>
    </message>
    <message>
        <source>Compare with the ID card shown at the counter</source>
        <translation>与窗口出示的身份证件核对</translation>
    </message>
    <message>
        <source>The citizen asks to confirm the number on record</source>
        <translation>办事群众要求核实登记的号码</translation>
    </message>
    <message>
        <source>Show the full ID number</source>
        <translation>显示完整证件号码</translation>
    </message>
    <message>
        <source>Why is the full number needed? (recorded in the audit log)</source>
        <translation>为什么需要完整号码？（记入审计日志）</translation>
    </message>
</context>
<context>
    <name>gongji::PersonSearchModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Pooling region</source>
        <translation>统筹区</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>参保状态</translation>
    </message>
</context>
<context>
    <name>gongji::PersonSearchPanel</name>
    <message>
        <source>Choose the person: arrows and Enter, or a double click. Esc goes back.</source>
        <translation>请选择人员：方向键加回车，或双击；按 Esc 返回。</translation>
    </message>
    <message>
        <source>Nobody in the registry has a name starting with “%1”.</source>
        <translation>参保人库中没有姓名以“%1”开头的人员。</translation>
    </message>
    <message>
        <source>People whose name starts with “%1”</source>
        <translation>姓名以“%1”开头的参保人</translation>
    </message>
</context>
<context>
    <name>gongji::RegistryImportDialog</name>
    <message>
        <source>Import the insured registry</source>
        <translation>导入参保登记</translation>
    </message>
    <message>
        <source>Path of a registry CSV file</source>
        <translation>参保登记 CSV 文件路径</translation>
    </message>
    <message>
        <source>CSV &amp;file:</source>
        <translation>CSV 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>C&amp;heck file</source>
        <translation>检查文件(&amp;H)</translation>
    </message>
    <message>
        <source>UTF-8 or GB18030 (GBK, as Excel saves it on Chinese Windows), a header row with the columns: %1</source>
        <translation>UTF-8 或 GB18030（GBK，中文 Windows 上 Excel 保存的编码），首行为表头，列依次为：%1</translation>
    </message>
    <message>
        <source>Read as %1</source>
        <translation>读取编码：%1</translation>
    </message>
    <message>
        <source>Line in the file</source>
        <translation>文件中的行号</translation>
    </message>
    <message>
        <source>Rows of the file (numbered by line; read a page at a time as you scroll):</source>
        <translation>文件各行（按行号编号；滚动时逐页读取）：</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a registry CSV file</source>
        <translation>选择参保登记 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 problem(s) on %2 line(s). Nothing is imported until the file is corrected:</source>
        <translation>共 %2 行存在 %1 个问题。文件改正之前不会导入任何数据：</translation>
    </message>
    <message>
        <source>%1 problem(s); the first %2, on %3 line(s), are listed. Nothing is imported until the file is corrected:</source>
        <translation>共 %1 个问题；下面列出前 %2 个（涉及 %3 行）。文件改正之前不会导入任何数据：</translation>
    </message>
    <message>
        <source>and %1 more problem(s)</source>
        <translation>另有 %1 个问题</translation>
    </message>
    <message>
        <source>The file has errors; correct them and check the file again.</source>
        <translation>文件有错误，请改正后重新检查。</translation>
    </message>
    <message>
        <source>%1 person(s) in the file, no errors. Ready to import.</source>
        <translation>文件共 %1 人，无错误，可以导入。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was stored: the registry is as it was before.</source>
        <translation>已取消导入。未保存任何数据，参保登记保持原样。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何数据。%1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged. %4 binding(s) ended automatically (person terminated, deceased or moved out of the rule's scope).</source>
        <translation>导入完成：新增 %1 人，更新 %2 人，未变 %3 人。自动终止共济关系 %4 条（人员终止参保、死亡或迁出规则范围）。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>gongji::RevocationDialog</name>
    <message>
        <source>End mutual-aid binding (解除共济)</source>
        <translation>解除家庭共济关系</translation>
    </message>
    <message>
        <source>End kinship-account binding (解除亲情)</source>
        <translation>解除亲情账户绑定</translation>
    </message>
    <message>
        <source>Ending this binding stops the authorizer's account paying for the target.</source>
        <translation>解除后，授权人的个人账户不再为共济对象支付。</translation>
    </message>
    <message>
        <source>Ending this binding stops the holder showing the member's e-voucher.</source>
        <translation>解除后，持有人不能再代为出示成员的电子凭证。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Relationship: %3 · Number: %4 · Since %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;关系：%3 · 编号：%4 · 自 %5 起</translation>
    </message>
    <message>
        <source>&amp;Authorizer %1</source>
        <translation>授权人 %1(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Holder %1</source>
        <translation>持有人 %1(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Target %1</source>
        <translation>共济对象 %1(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Member %1</source>
        <translation>成员 %1(&amp;M)</translation>
    </message>
    <message>
        <source>— choose a reason —</source>
        <translation>— 请选择原因 —</translation>
    </message>
    <message>
        <source>At the applicant's own wish</source>
        <translation>本人自愿解除</translation>
    </message>
    <message>
        <source>Family relationship changed (e.g. divorce)</source>
        <translation>家庭关系变化（如离婚）</translation>
    </message>
    <message>
        <source>Another relative will authorize instead</source>
        <translation>改由其他亲属授权</translation>
    </message>
    <message>
        <source>Another relative will hold instead</source>
        <translation>改由其他亲属持有</translation>
    </message>
    <message>
        <source>Other reason (give details)</source>
        <translation>其他原因（请填写说明）</translation>
    </message>
    <message>
        <source>Details, as the applicant states them</source>
        <translation>按申请人陈述填写说明</translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;End binding</source>
        <translation>确认解除(&amp;E)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>gongji::RuleSetForm</name>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>000000 national, XX0000 a province, or a 6-digit pooling region</source>
        <translation>000000 为全国，XX0000 为省份，或 6 位统筹区代码</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>截止于</translation>
    </message>
    <message>
        <source>Re&amp;gion code:</source>
        <translation>区划代码(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>In effect &amp;from:</source>
        <translation>生效日期(&amp;F)：</translation>
    </message>
    <message>
        <source>S&amp;ource note:</source>
        <translation>依据说明(&amp;O)：</translation>
    </message>
    <message>
        <source>Who may be bound</source>
        <translation>共济范围</translation>
    </message>
    <message>
        <source>Target insured in the s&amp;cope:</source>
        <translation>共济对象参保地范围(&amp;C)：</translation>
    </message>
    <message>
        <source>Allowed relationships (target to authorizer):</source>
        <translation>允许的关系（共济对象与授权人）：</translation>
    </message>
    <message>
        <source>Accepted ID documents:</source>
        <translation>可受理的证件类型：</translation>
    </message>
    <message>
        <source>Limits and payment</source>
        <translation>限制与支付</translation>
    </message>
    <message>
        <source>A may authorize B while B authorizes A</source>
        <translation>允许甲授权乙的同时乙授权甲</translation>
    </message>
    <message>
        <source>Public medical care personnel may not take part</source>
        <translation>公费医疗人员不得参与</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Part of the authorizer's balance that targets may not use</source>
        <translation>授权人账户余额中共济对象不得使用的部分</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Days after a revocation before the same pair may be bound again</source>
        <translation>解除后同一对人员再次绑定须间隔的天数</translation>
    </message>
    <message>
        <source>Authorizers per target at most:</source>
        <translation>每个共济对象最多授权人数：</translation>
    </message>
    <message>
        <source>Targets per authorizer at most:</source>
        <translation>每个授权人最多共济对象数：</translation>
    </message>
    <message>
        <source>Mutual binding:</source>
        <translation>相互共济：</translation>
    </message>
    <message>
        <source>Public medical care:</source>
        <translation>公费医疗：</translation>
    </message>
    <message>
        <source>Reserve floor:</source>
        <translation>保留额度：</translation>
    </message>
    <message>
        <source>Payment order:</source>
        <translation>支付顺序：</translation>
    </message>
    <message>
        <source>Cooldown after revocation:</source>
        <translation>解除后冷静期：</translation>
    </message>
    <message>
        <source>The account may pay for</source>
        <translation>账户可支付范围</translation>
    </message>
    <message>
        <source>largest balance pays first</source>
        <translation>余额多者先付</translation>
    </message>
    <message>
        <source>earliest binding pays first</source>
        <translation>先绑定者先付</translation>
    </message>
    <message>
        <source>own share of medical costs</source>
        <translation>个人负担的医疗费用</translation>
    </message>
    <message>
        <source>purchases at designated pharmacies</source>
        <translation>定点药店购药</translation>
    </message>
    <message>
        <source>resident medical insurance premiums</source>
        <translation>城乡居民医保缴费</translation>
    </message>
    <message>
        <source>long-term care insurance premiums</source>
        <translation>长期护理保险缴费</translation>
    </message>
    <message>
        <source>supplementary health insurance</source>
        <translation>补充医疗保险</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Longest authorization period (授权期限) a target may be bound for</source>
        <translation>共济对象可绑定的最长授权期限</translation>
    </message>
    <message>
        <source>Authorization period at most:</source>
        <translation>最长授权期限：</translation>
    </message>
    <message>
        <source>Where a target needs money set aside as a quota (共济额度); where this is not "none", any target may carry one</source>
        <translation>共济对象在何种情况下须预留共济额度；不为“none”时，任何共济对象均可设定额度</translation>
    </message>
    <message>
        <source>Quota required:</source>
        <translation>须设共济额度：</translation>
    </message>
    <message>
        <source>none: the balance pays directly</source>
        <translation>不设：由余额直接支付</translation>
    </message>
    <message>
        <source>for targets insured in another province</source>
        <translation>共济对象在外省参保时</translation>
    </message>
</context>
<context>
    <name>gongji::RuleSetListModel</name>
    <message>
        <source>open</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Filings were checked against this rule set: read-only.</source>
        <translation>已有备案按此规则集审核：只读。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Source note</source>
        <translation>依据说明</translation>
    </message>
</context>
<context>
    <name>gongji::RulesWindow</name>
    <message>
        <source>Rule sets</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Region code or its start, e.g. 33 or 330100</source>
        <translation>区划代码或其开头，如 33 或 330100</translation>
    </message>
    <message>
        <source>&amp;Look up region:</source>
        <translation>查找地区(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;New rule set</source>
        <translation>新建规则集(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;version</source>
        <translation>新版本(&amp;V)</translation>
    </message>
    <message>
        <source>Copies the selected set with a later start; the selected set ends the day before.</source>
        <translation>复制所选规则集并设定更晚的生效日期；所选规则集于前一日终止。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Filings were checked against this rule set: it is read-only. To change the rules, make a new version.</source>
        <translation>已有备案按此规则集审核：只读。如需修改规则，请新建版本。</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Shows the impact on existing bindings before anything is stored.</source>
        <translation>保存前先显示对现有共济关系的影响。</translation>
    </message>
    <message>
        <source>No rule set selected</source>
        <translation>未选择规则集</translation>
    </message>
    <message>
        <source>Filings were checked against this rule set: it cannot be deleted.</source>
        <translation>已有备案按此规则集审核：不能删除。</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>The rule set being edited has not been saved. Discard the changes?</source>
        <translation>正在编辑的规则集尚未保存。放弃这些修改吗？</translation>
    </message>
    <message>
        <source>New rule set</source>
        <translation>新建规则集</translation>
    </message>
    <message>
        <source>New version of %1 %2: the current one ends the day before the new start</source>
        <translation>%1 %2 的新版本：现行版本于新版本生效前一日终止</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
    <message>
        <source>New version from %1</source>
        <translation>自 %1 起的新版本</translation>
    </message>
    <message>
        <source>Changed rule set %1 %2</source>
        <translation>修改规则集 %1 %2</translation>
    </message>
    <message>
        <source>New rule set %1 %2</source>
        <translation>新建规则集 %1 %2</translation>
    </message>
    <message>
        <source>%1. Active bindings judged as on %2.</source>
        <translation>%1。有效共济关系按 %2 的情况判断。</translation>
    </message>
    <message>
        <source>Not saved: cancelled after the impact report.</source>
        <translation>未保存：查看影响报告后已取消。</translation>
    </message>
    <message>
        <source>Saved: %1 %2 (%3).</source>
        <translation>已保存：%1 %2（%3）。</translation>
    </message>
    <message>
        <source>Delete rule set?</source>
        <translation>删除规则集？</translation>
    </message>
    <message>
        <source>Delete the rule set %1 %2 (%3)? No filing refers to it.</source>
        <translation>删除规则集 %1 %2（%3）吗？没有备案引用它。</translation>
    </message>
    <message>
        <source>Deleted: %1 %2.</source>
        <translation>已删除：%1 %2。</translation>
    </message>
</context>
<context>
    <name>gongji::SessionLock</name>
    <message>
        <source>&amp;Lock the counter</source>
        <translation>锁定受理台(&amp;L)</translation>
    </message>
    <message>
        <source>%1 Try again after %2, or sign out.</source>
        <translation>%1请于 %2 后再试，或注销。</translation>
    </message>
</context>
<context>
    <name>gongji::SignInDialog</name>
    <message>
        <source>Sign in – Gongji Desk</source>
        <translation>登录 – 共济受理台</translation>
    </message>
    <message>
        <source>Gongji Desk</source>
        <translation>共济受理台</translation>
    </message>
    <message>
        <source>Sign in with your clerk login. Every action is recorded under it.</source>
        <translation>请用本人的经办账号登录，所有操作都记在该账号名下。</translation>
    </message>
    <message>
        <source>e.g. wangli</source>
        <translation>例如 wangli</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Type your login, then your password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
    <message>
        <source>%1 Try again after %2.</source>
        <translation>%1请于 %2 后再试。</translation>
    </message>
    <message>
        <source>Your password has expired: sign in again and choose a new one.</source>
        <translation>您的密码已过期：请重新登录并设置新密码。</translation>
    </message>
</context>
<context>
    <name>gongji::StartupDatabase</name>
    <message>
        <source>The database cannot be used. Checking its backups…</source>
        <translation>数据库无法使用，正在检查其备份…</translation>
    </message>
    <message>
        <source>Gongji Desk</source>
        <translation>共济受理台</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup of %1 is now the database. Enter again what was stored after that time. The damaged file is kept as %2; give its name to the office administrator.</source>
        <translation>%1 的备份现已成为数据库。请重新录入此后保存的内容。损坏的文件保留为 %2，请将其名称告知机构管理员。</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The restore could not be written to the audit log: %1</source>
        <translation>恢复操作未能写入审计日志：%1</translation>
    </message>
    <message>
        <source>Password in the database address</source>
        <translation>数据库地址中含有密码</translation>
    </message>
</context>
<context>
    <name>gongji::SummaryPrintActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the confirmation summary</source>
        <translation>打印确认单</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Show the confirmation summary as it will be printed</source>
        <translation>按打印效果预览确认单</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the confirmation summary as a PDF file</source>
        <translation>将确认单保存为 PDF 文件</translation>
    </message>
    <message>
        <source>There is no summary to save: no filing or binding is selected.</source>
        <translation>没有可保存的确认单：未选择备案或绑定关系。</translation>
    </message>
    <message>
        <source>There is no summary to print: no filing or binding is selected.</source>
        <translation>没有可打印的确认单：未选择备案或绑定关系。</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>The summary could not be printed (the attempt is recorded as print no. %1): %2</source>
        <translation>确认单未能打印（本次尝试已记为第 %1 次打印）：%2</translation>
    </message>
    <message>
        <source>The summary could not be printed: %1</source>
        <translation>确认单未能打印：%1</translation>
    </message>
    <message>
        <source>Summary %1 sent to %2 as reprint no. %3.</source>
        <translation>确认单 %1 已输出到 %2（第 %3 次补打）。</translation>
    </message>
    <message>
        <source>Summary %1 sent to %2.</source>
        <translation>确认单 %1 已输出到 %2。</translation>
    </message>
    <message>
        <source>The summary cannot be shown: %1</source>
        <translation>无法显示确认单：%1</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>打印预览：%1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print confirmation summary</source>
        <translation>打印确认单</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save confirmation summary as PDF</source>
        <translation>将确认单另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>gongji::TargetEntryForm</name>
    <message>
        <source>New target</source>
        <translation>添加共济对象</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>性别(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Relationship:</source>
        <translation>与授权人关系(&amp;R)：</translation>
    </message>
    <message>
        <source>ID &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>Birth dat&amp;e:</source>
        <translation>出生日期(&amp;E)：</translation>
    </message>
    <message>
        <source>Proofs seen:</source>
        <translation>已查验证明：</translation>
    </message>
    <message>
        <source>Type the target's name as on the ID document.</source>
        <translation>请按证件填写共济对象姓名。</translation>
    </message>
    <message>
        <source>Type or read the target's ID number.</source>
        <translation>请输入或读取共济对象的证件号码。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty: open-ended</source>
        <translation>YYYY-MM-DD，留空为长期</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>授权期限至(&amp;U)：</translation>
    </message>
    <message>
        <source>Type the last day of the authorization period as YYYY-MM-DD, or leave it empty for no end.</source>
        <translation>请按 YYYY-MM-DD 输入授权期限的最后一天；无截止日期请留空。</translation>
    </message>
    <message>
        <source>yuan, e.g. 1500.50; empty: none</source>
        <translation>元，例如 1500.50；留空表示不设</translation>
    </message>
    <message>
        <source>&amp;Quota (yuan):</source>
        <translation>共济额度（元）(&amp;Q)：</translation>
    </message>
    <message>
        <source>Type the quota in yuan with at most 2 decimals and a ".", e.g. 1500.50, or leave it empty.</source>
        <translation>请以元为单位输入额度，最多两位小数，用“.”分隔，例如 1500.50；或留空。</translation>
    </message>
</context>
<context>
    <name>gongji::TargetsPage</name>
    <message>
        <source>Targets</source>
        <translation>共济对象</translation>
    </message>
    <message>
        <source>Add each relative who may use the authorizer's account. Enter in the ID number field adds the entry; Enter on an empty number goes on.</source>
        <translation>逐一添加可使用授权人账户的亲属。在证件号码栏按回车即添加；号码为空时按回车进入下一步。</translation>
    </message>
    <message>
        <source>Tar&amp;gets in this filing:</source>
        <translation>本次共济对象(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Delete selected (Del)</source>
        <translation>删除所选(&amp;D)(Del)</translation>
    </message>
    <message>
        <source>Row %1 (%2) is refused. Correct the entry and add it again to replace the row, or delete the row.</source>
        <translation>第 %1 行（%2）不予受理。请修改后再次添加以替换该行，或删除该行。</translation>
    </message>
    <message>
        <source>Row %1 (%2) added with a warning to confirm before submitting: %3</source>
        <translation>第 %1 行（%2）已添加，有提示需在提交前确认：%3</translation>
    </message>
    <message>
        <source>Row %1 (%2) added and accepted.</source>
        <translation>第 %1 行（%2）已添加，校验通过。</translation>
    </message>
    <message>
        <source>%1 removed from the filing.</source>
        <translation>已从本笔备案中移除 %1。</translation>
    </message>
</context>
<context>
    <name>gongji::ServerPasswordDialog</name>
    <message>
        <source>Office database password</source>
        <translation>经办机构数据库密码</translation>
    </message>
    <message>
        <source>The office database %1 asks for the password of its database role (not your own sign-in password). It is not saved in the settings.</source>
        <translation>经办机构数据库 %1 需要其数据库角色的密码（不是您本人的登录密码）。该密码不会保存在设置中。</translation>
    </message>
    <message>
        <source>&amp;Keep it in the system keyring of this computer</source>
        <translation>保存在本机的系统密钥环中(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password needs characters of at least %1 of these 4 kinds: lower-case letters, upper-case letters, digits, other characters.</source>
        <translation>密码需要包含以下 4 类字符中的至少 %1 类：小写字母、大写字母、数字、其他字符。</translation>
    </message>
    <message>
        <source>The minimum length is %1 to 128 characters.</source>
        <translation>最小长度为 %1 至 128 个字符。</translation>
    </message>
    <message>
        <source>The number of character kinds is 1 to 4.</source>
        <translation>字符类别数为 1 至 4。</translation>
    </message>
    <message>
        <source>The maximum age is 0 (never) to %1 days.</source>
        <translation>最长使用期限为 0（永不过期）至 %1 天。</translation>
    </message>
    <message>
        <source>The number of earlier passwords not to use again is 0 to 24.</source>
        <translation>不得重复使用的历史密码个数为 0 至 24。</translation>
    </message>
</context>
<context>
    <name>gongji::ExpiredPasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password is older than the %1 days the password policy allows. Choose a new one: at least %2 characters of at least %3 of the kinds lower-case letters, upper-case letters, digits and other characters, none of your last %4 passwords.</source>
        <translation>您的密码已超过密码策略允许的 %1 天。请设置新密码：至少 %2 个字符，包含小写字母、大写字母、数字、其他字符中的至少 %3 类，且不得与最近 %4 个密码相同。</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Change and sign in</source>
        <translation>修改并登录(&amp;C)</translation>
    </message>
    <message>
        <source>The two new passwords differ; type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>JournalExport</name>
    <message>
        <source>The sequence number to export after must be 0 or more.</source>
        <translation>导出起始序号须为 0 或更大。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to.</source>
        <translation>无法写入 %1：%2。请选择有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Nothing was exported.</source>
        <translation>无法写入 %1：%2。未导出任何内容。</translation>
    </message>
</context>
<context>
    <name>JournalReceipts</name>
    <message>
        <source>not a JSON object (%1).</source>
        <translation>不是 JSON 对象（%1）。</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>其他 JSON 值</translation>
    </message>
    <message>
        <source>&quot;seq&quot; must be a whole number of 1 or more.</source>
        <translation>“seq”须为不小于 1 的整数。</translation>
    </message>
    <message>
        <source>&quot;result&quot; must be &quot;accepted&quot; or &quot;rejected&quot;.</source>
        <translation>“result”须为“accepted”或“rejected”。</translation>
    </message>
    <message>
        <source>a rejection needs its &quot;reason&quot;.</source>
        <translation>退回须注明“reason”（原因）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>a second answer for seq %1 (the first is on line %2).</source>
        <translation>seq %1 有第二条回执（第一条在第 %2 行）。</translation>
    </message>
    <message>
        <source>seq %1 is not in the journal; check that the file answers this office's export.</source>
        <translation>日志中没有 seq %1；请确认该文件是对本机构导出的回执。</translation>
    </message>
    <message>
        <source>a second answer for seq %1: it was already answered &quot;%2&quot;.</source>
        <translation>seq %1 有第二条回执：此前已记录为“%2”。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 处。</translation>
    </message>
    <message>
        <source>The receipts file was not taken; nothing was recorded:
%1</source>
        <translation>回执文件未被接受，未记录任何内容：
%1</translation>
    </message>
</context>
<context>
    <name>DailyReport</name>
    <message>
        <source>Service ratings</source>
        <translation>服务评价（好差评）</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>本期无。</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>业务日报</translation>
    </message>
    <message>
        <source>Office report</source>
        <translation>业务统计报表</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>经办机构</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计数</translation>
    </message>
    <message>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Targets accepted</source>
        <translation>受理共济对象</translation>
    </message>
    <message>
        <source>Targets refused</source>
        <translation>不予受理共济对象</translation>
    </message>
    <message>
        <source>Revocations</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Automatic ends</source>
        <translation>自动终止</translation>
    </message>
    <message>
        <source>Kinship bindings</source>
        <translation>亲情账户绑定</translation>
    </message>
    <message>
        <source>Kinship endings</source>
        <translation>亲情账户解绑</translation>
    </message>
    <message>
        <source>Journal lines waiting for the platform</source>
        <translation>待平台确认的交接日志</translation>
    </message>
    <message>
        <source>Refusals by code</source>
        <translation>不予受理原因</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Filings per day</source>
        <translation>每日备案</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Filings by clerk</source>
        <translation>经办人备案</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Revocations by reason</source>
        <translation>解除原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Automatic ends by cause</source>
        <translation>自动终止原因</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Filings (%1)</source>
        <translation>备案（%1）</translation>
    </message>
    <message>
        <source>Filing no.</source>
        <translation>备案编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Authorizer</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>共济对象数</translation>
    </message>
    <message>
        <source>The first %1 of %2 are listed.</source>
        <translation>仅列出 %2 条中的前 %1 条。</translation>
    </message>
    <message>
        <source>Revocations and automatic ends (%1)</source>
        <translation>解除与自动终止（%1）</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>共济对象</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Supervisor&apos;s signature:</source>
        <translation>主管签字：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
</context>
<context>
    <name>gongji::ChartPanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save as image (PNG)…</source>
        <translation>保存为图片 PNG…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Copied: the table as text, the chart as an image.</source>
        <translation>已复制：表格为文本，图表为图片。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1; choose another folder.</source>
        <translation>无法写入 %1；请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>gongji::StatisticsDialog</name>
    <message>
        <source>Service ratings by clerk</source>
        <translation>服务评价（按经办人）</translation>
    </message>
    <message>
        <source>Refusals by code</source>
        <translation>不予受理原因</translation>
    </message>
    <message>
        <source>Filings per day</source>
        <translation>每日备案</translation>
    </message>
    <message>
        <source>Targets by clerk</source>
        <translation>按经办人统计共济对象</translation>
    </message>
    <message>
        <source>&amp;Report PDF…</source>
        <translation>日报 PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>By clerk</source>
        <translation>按经办人</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按统筹区</translation>
    </message>
    <message>
        <source>By rule set</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>自(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Breakdown:</source>
        <translation>分组(&amp;B)：</translation>
    </message>
    <message>
        <source>%1 to %2: %3 filings, %4 targets accepted, %5 refused; %6 revocations, %7 automatic ends; %8 kinship bindings, %9 ended. Journal lines waiting for the platform: %10.</source>
        <translation>%1 至 %2：备案 %3 件，受理共济对象 %4 人，不予受理 %5 人；解除 %6 件，自动终止 %7 件；亲情账户绑定 %8 件，解绑 %9 件。待平台确认的交接日志：%10 条。</translation>
    </message>
    <message>
        <source>Targets refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Filings</source>
        <translation>备案</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Report saved as %1.</source>
        <translation>报表已保存为 %1。</translation>
    </message>
    <message>
        <source>report-%1.pdf</source>
        <translation>日报-%1.pdf</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ClerkRole</name>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
</context>
<context>
    <name>EndRequester</name>
    <message>
        <source>Authorizer</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>共济对象</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>ConflictingBinding</name>
    <message>
        <source>%1, filing %2</source>
        <translation>%1，备案编号 %2</translation>
    </message>
    <message>
        <source>%1, row %2 of this file</source>
        <translation>%1，本文件第 %2 行</translation>
    </message>
    <message>
        <source>%1, earlier in this filing</source>
        <translation>%1，本次备案中前面已填</translation>
    </message>
</context>
<context>
    <name>QuotaCheck</name>
    <message>
        <source>quota_required_beyond: %1</source>
        <translation>quota_required_beyond：%1</translation>
    </message>
    <message>
        <source>target insured in %1, authorizer in %2</source>
        <translation>共济对象参保地 %1，授权人参保地 %2</translation>
    </message>
    <message>
        <source>still free: %1 yuan (balance %2, reserve floor %3, already set aside %4)</source>
        <translation>尚可预留：%1 元（余额 %2，保留额 %3，已预留 %4）</translation>
    </message>
</context>
<context>
    <name>QuotaChange</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>无额度</translation>
    </message>
    <message>
        <source>A quota cannot be negative.</source>
        <translation>共济额度不能为负数。</translation>
    </message>
    <message>
        <source>This binding is not active (any more); nothing was changed. Refresh the household view.</source>
        <translation>该共济关系已不在有效状态，未作任何修改。请刷新家庭关系视图。</translation>
    </message>
    <message>
        <source>The quota is already %1; nothing was changed.</source>
        <translation>共济额度已是 %1，未作任何修改。</translation>
    </message>
</context>
<context>
    <name>QuotaChangeSummary</name>
    <message>
        <source>There is no quota change with number %1.</source>
        <translation>没有编号为 %1 的额度调整。</translation>
    </message>
    <message>
        <source>Quota change %1 is incomplete in the database; nothing was printed.</source>
        <translation>额度调整 %1 在数据库中不完整，未打印。</translation>
    </message>
</context>
<context>
    <name>gongji::QuotaDialog</name>
    <message>
        <source>Change quota (调整额度)</source>
        <translation>调整额度</translation>
    </message>
    <message>
        <source>Money inside the quota is set aside for this target only; the authorizer cannot use it while the binding lasts.</source>
        <translation>额度内资金仅用于该共济对象；共济关系存续期间授权人本人不得使用。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Relationship: %3 · Number: %4&lt;br&gt;Quota now: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;关系：%3 · 编号：%4&lt;br&gt;现有额度：%5</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yuan, e.g. 1500.50; 0: none</source>
        <translation>元，例如 1500.50；0 表示不设</translation>
    </message>
    <message>
        <source>New &amp;quota (yuan):</source>
        <translation>新额度（元）(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Change quota</source>
        <translation>调整额度(&amp;C)</translation>
    </message>
    <message>
        <source>Type the quota in yuan with at most 2 decimals and a ".", e.g. 1500.50; 0 for none.</source>
        <translation>请以元为单位输入额度，最多两位小数，用“.”分隔，例如 1500.50；0 表示不设。</translation>
    </message>
</context>
</TS>
