// The code's layers, read from its includes: model/'s folders form no cycle (each folder builds
// on the ones before it in the README's list under Layout), model/domain builds on nothing else in
// the project, and model/ never includes ui/ or app/.
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

// Folder → the folders it includes, each with one include that does it ("File.cpp → x/Y.h").
using Graph = QMap<QString, QMap<QString, QString>>;

struct Includes
{
    Graph folders; // model/ folder → model/ folder
    QStringList outsideModel; // a model/ file including ui/ or app/
};

Includes readModel()
{
    Includes result;
    const QString root = QStringLiteral(GONGJI_SOURCE_DIR "/model");
    static const QRegularExpression include(QStringLiteral("^#include \"(model|ui|app)/([^/\"]+)/[^\"]+\""),
                                            QRegularExpression::MultilineOption);
    QDirIterator files(root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString relative = path.mid(root.size() + 1);
        const QString folder = relative.section(QLatin1Char('/'), 0, 0);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto it = include.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (match.captured(1) != QLatin1String("model")) {
                result.outsideModel << relative + QStringLiteral(" includes ") + match.captured(0).mid(10);
                continue;
            }
            const QString target = match.captured(2);
            if (target != folder && !result.folders[folder].contains(target))
                result.folders[folder].insert(target, relative + QStringLiteral(" → ") + match.captured(0).mid(10));
        }
    }
    return result;
}

// A cycle as "a → b → … → a" with the include behind each step; empty when there is none.
QStringList findCycle(const Graph &graph)
{
    enum class Mark { New, Open, Done };
    QMap<QString, Mark> marks;
    QStringList path;
    QStringList cycle;
    std::function<bool(const QString &)> visit = [&](const QString &folder) {
        marks[folder] = Mark::Open;
        path << folder;
        const QMap<QString, QString> targets = graph.value(folder);
        for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
            if (marks.value(it.key()) == Mark::Open) {
                const qsizetype from = path.indexOf(it.key());
                for (qsizetype i = from; i < path.size(); ++i) {
                    const QString next = i + 1 < path.size() ? path.at(i + 1) : it.key();
                    cycle << QStringLiteral("%1 → %2 (%3)").arg(path.at(i), next, graph.value(path.at(i)).value(next));
                }
                return true;
            }
            if (marks.value(it.key()) == Mark::New && visit(it.key()))
                return true;
        }
        path.removeLast();
        marks[folder] = Mark::Done;
        return false;
    };
    for (auto it = graph.cbegin(); it != graph.cend(); ++it) {
        if (marks.value(it.key()) == Mark::New && visit(it.key()))
            return cycle;
    }
    return {};
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT
private slots:
    void cycleIsFound();
    void modelFoldersFormNoCycle();
    void domainBuildsOnNothingElse();
    void modelIncludesNoWidgetsOrPrograms();
};

void TestLayers::cycleIsFound()
{
    // The check itself: a → b → c → a is reported with its includes, a tree is not.
    Graph graph;
    graph[QStringLiteral("a")].insert(QStringLiteral("b"), QStringLiteral("A.cpp → b/B.h"));
    graph[QStringLiteral("b")].insert(QStringLiteral("c"), QStringLiteral("B.cpp → c/C.h"));
    graph[QStringLiteral("a")].insert(QStringLiteral("c"), QStringLiteral("A.cpp → c/C.h"));
    QVERIFY(findCycle(graph).isEmpty());
    graph[QStringLiteral("c")].insert(QStringLiteral("a"), QStringLiteral("C.cpp → a/A.h"));
    const QStringList cycle = findCycle(graph);
    QCOMPARE(cycle.size(), 3);
    QVERIFY2(cycle.join(QLatin1Char('\n')).contains(QStringLiteral("C.cpp → a/A.h")),
             qPrintable(cycle.join(QLatin1Char('\n'))));
}

void TestLayers::modelFoldersFormNoCycle()
{
    const Includes includes = readModel();
    QVERIFY(includes.folders.size() > 10);
    const QStringList cycle = findCycle(includes.folders);
    QVERIFY2(cycle.isEmpty(),
             qPrintable(QStringLiteral("model/'s folders include each other in a cycle:\n")
                        + cycle.join(QLatin1Char('\n'))));
}

void TestLayers::domainBuildsOnNothingElse()
{
    const QMap<QString, QString> used = readModel().folders.value(QStringLiteral("domain"));
    QVERIFY2(used.isEmpty(), qPrintable(QStringList(used.values()).join(QLatin1Char('\n'))));
}

void TestLayers::modelIncludesNoWidgetsOrPrograms()
{
    const QStringList outside = readModel().outsideModel;
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
