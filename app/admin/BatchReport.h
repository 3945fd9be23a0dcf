#pragma once
#include "AdminCommand.h"

namespace gongji {

// How check-filings and check-kinship end: one JSON line per checked row on stdout, then the exit
// code. Rows come with a storage failure part way through a commit too: they say what was stored
// (the rows printed with a `numberField`, e.g. filing_no).
template<typename BatchResult, typename JsonLine>
int reportBatch(const BatchResult &result, const AdminContext &context, JsonLine jsonLine, const char *numberField)
{
    for (const auto &row : result.rows)
        context.out << jsonLine(row) << '\n';
    if (result.ok)
        return ExitOk;
    context.err << result.fileError << '\n';
    if (result.rows.isEmpty()) {
        context.err << "Nothing was checked or stored. Correct the file and run it again.\n";
        return ExitInputRefused;
    }
    context.err << "Rows printed with a " << numberField << " were stored; the others were not.\n";
    return ExitStorage;
}

} // namespace gongji
