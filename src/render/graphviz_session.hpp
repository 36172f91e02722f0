// Private to src/render: what diagram.cpp and layout.cpp share around Graphviz's C API — owners
// for its context and graphs, its errors collected (agerr) and turned into one FatalError.
// Graphviz's C API takes char*; it does not write through them.
#pragma once

#include <string>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace maillage::render::detail {

inline char* S(const char* s) { return const_cast<char*>(s); }
inline char* S(const std::string& s) { return const_cast<char*>(s.c_str()); }

struct ContextDeleter {
    void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};

/// What Graphviz reported since the last clear (per thread).
inline std::string& graphviz_errors() {
    thread_local std::string errors;
    return errors;
}

/// Starts collecting Graphviz's messages (errors only) for this thread.
inline void collect_graphviz_errors() {
    graphviz_errors().clear();
    agseterr(AGERR);
    agseterrf([](char* message) {
        if (message != nullptr) graphviz_errors() += message;
        return 0;
    });
}

/// Throws what Graphviz reported as one FatalError (DiagramGraphvizFailed).
[[noreturn]] inline void fail(core::Lang lang) {
    const auto text = core::trim(graphviz_errors());
    std::string message = text.empty() ? std::string("?") : std::string(text);
    graphviz_errors().clear();
    throw FatalError(core::tr(lang, core::Msg::DiagramGraphvizFailed, message));
}

} // namespace maillage::render::detail
