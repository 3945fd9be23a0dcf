#pragma once
#include <QString>

namespace gongji {

// A larger SQLite page cache for as long as a registry import runs (docs/registry-import.md).
// Each row goes into the registry's unique index and its name index at a place set by the row's
// document and name, not by the file's order; with SQLite's default 2 MB cache the pages of those
// b-trees leave the cache between two rows that touch them. The cache is given back when the
// import ends. Peak memory stays where the sign-in's password check already took it. Nothing
// on PostgreSQL, where the import's sorts have their own bound (RegistryStaging).
class ImportPageCache
{
public:
    explicit ImportPageCache(const QString &connection); // throws StorageError
    ~ImportPageCache();
    ImportPageCache(const ImportPageCache &) = delete;
    ImportPageCache &operator=(const ImportPageCache &) = delete;

    static constexpr int kKibibytes = 32 * 1024;

private:
    QString m_connection;
    qint64 m_before = 0; // the connection's cache_size (pages, or -KiB) before
    bool m_changed = false;
};

} // namespace gongji
