#include "PasswordInput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace gongji {

namespace {

// A password file is a line, not a document: anything longer is the wrong file.
constexpr qint64 maxFileSize = 4096;

// The terminal's settings while echo is off, so that Ctrl+C at the prompt gives it back.
int g_ttyFd = -1;
struct termios g_savedTty;

void restoreTerminal()
{
    if (g_ttyFd >= 0)
        tcsetattr(g_ttyFd, TCSAFLUSH, &g_savedTty);
}

extern "C" void onSignalAtPrompt(int signal)
{
    restoreTerminal();
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

void wipe(QByteArray &bytes)
{
    bytes.fill('\0');
    bytes.clear();
}

QString stripLineBreak(QByteArray &line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const QString text = QString::fromUtf8(line);
    wipe(line);
    return text;
}

} // namespace

PasswordInput::Result PasswordInput::fromFile(const QString &path)
{
    Result result;
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("The password file %1 does not exist; give the path of a file whose first line "
                                      "is the password.")
                           .arg(shown);
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("The password file %1 is a folder; give the path of a file whose first line is "
                                      "the password.")
                           .arg(shown);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("Cannot read the password file %1: %2. Check that you may read it.")
                           .arg(shown, file.errorString());
        return result;
    }
    if (file.size() > maxFileSize) {
        result.error = QStringLiteral("The password file %1 is larger than %2 bytes: it is not a password file.")
                           .arg(shown)
                           .arg(maxFileSize);
        return result;
    }
    QByteArray line = file.readLine(maxFileSize);
    result.password = stripLineBreak(line);
    if (result.password.isEmpty()) {
        result.error
            = QStringLiteral("The first line of the password file %1 is empty; put the password there.").arg(shown);
        return result;
    }
    if (info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        result.warning = QStringLiteral("warning: the password file %1 may be read by other users; make it yours only "
                                        "(chmod 600 %1).")
                             .arg(shown);
    result.ok = true;
    return result;
}

PasswordInput::Result PasswordInput::fromTerminal(const QString &prompt)
{
    Result result;
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        result.error = QStringLiteral("There is no terminal to ask for the password on; give it with --password-file "
                                      "FILE (the password as the file's first line, the file readable by you only).");
        return result;
    }
    struct termios quiet;
    const bool isTerminal = tcgetattr(fd, &g_savedTty) == 0;
    if (isTerminal) {
        g_ttyFd = fd;
        quiet = g_savedTty;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL; // the line break still shows, the password does not
        ::signal(SIGINT, onSignalAtPrompt);
        ::signal(SIGTERM, onSignalAtPrompt);
        ::signal(SIGHUP, onSignalAtPrompt);
        ::signal(SIGTSTP, SIG_IGN);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const QByteArray text = prompt.toUtf8();
    ssize_t written = ::write(fd, text.constData(), size_t(text.size()));
    Q_UNUSED(written);
    QByteArray line;
    char c = 0;
    bool ended = false;
    while (line.size() < maxFileSize) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (c == '\n') {
            ended = true;
            break;
        }
        line.append(c);
    }
    c = 0;
    if (isTerminal) {
        restoreTerminal();
        g_ttyFd = -1;
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGHUP, SIG_DFL);
        ::signal(SIGTSTP, SIG_DFL);
    }
    ::close(fd);
    result.password = stripLineBreak(line);
    if (!ended && result.password.isEmpty()) {
        result.error = QStringLiteral("No password was typed (end of input); nothing was changed.");
        return result;
    }
    if (result.password.isEmpty()) {
        result.error = QStringLiteral("The password is empty; nothing was changed.");
        return result;
    }
    result.ok = true;
    return result;
}

PasswordInput::Result PasswordInput::newPassword(const QString &path, const QString &whose)
{
    if (!path.isEmpty())
        return fromFile(path);
    Result first = fromTerminal(QStringLiteral("New password for %1: ").arg(whose));
    if (!first.ok)
        return first;
    Result second = fromTerminal(QStringLiteral("The same password again: "));
    if (!second.ok)
        return second;
    if (first.password != second.password) {
        Result mismatch;
        mismatch.error = QStringLiteral("The two passwords differ; nothing was changed. Run the command again.");
        first.password.fill(QLatin1Char('\0'));
        second.password.fill(QLatin1Char('\0'));
        return mismatch;
    }
    second.password.fill(QLatin1Char('\0'));
    return first;
}

} // namespace gongji
