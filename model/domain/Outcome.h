#pragma once
#include <QString>

namespace gongji {

// Why a mutation did not happen. Callers choose their reaction (the CLI its exit code, the desk
// whether to refresh a list) from the kind, never from the message's text.
enum class FailureKind {
    None, // it happened
    Input, // the input does not apply: fix it and try again (nothing was written)
    NotAllowed, // nobody signed in, a disabled account, or the role may not do this
    Stale, // another counter changed the record meanwhile: look again
    Storage, // the database failed; the transaction was rolled back
};

// What every mutation of the model returns: done, or the kind of failure and a message in the UI
// language that says what is wrong and what to do. Results that carry more (a number, a
// verdict) derive from it.
struct Outcome
{
    bool ok = false;
    FailureKind failure = FailureKind::Input;
    QString error;

    static Outcome done() { return Outcome{true, FailureKind::None, {}}; }
    static Outcome failed(FailureKind kind, const QString &message) { return Outcome{false, kind, message}; }
    // For results that carry more: marks this one done.
    void succeed()
    {
        ok = true;
        failure = FailureKind::None;
        error.clear();
    }
    // Records a failure of `kind` when `message` is not empty; true when it did.
    bool failIf(FailureKind kind, const QString &message)
    {
        if (message.isEmpty())
            return false;
        ok = false;
        failure = kind;
        error = message;
        return true;
    }
};

} // namespace gongji
