// Private to src/render: what diagram.cpp and layout.cpp share around Graphviz's C API — owners
// for its context and graphs, its errors collected (agerr) and turned into one FatalError.
// Graphviz's C API takes char*; it does not write through them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace maillage::render::detail {

inline char* S(const char* s) { return const_cast<char*>(s); }
inline char* S(const std::string& s) { return const_cast<char*>(s.c_str()); }

/// One Graphviz context for the process, never freed. Graphviz 2.42's pango plugin keeps a
/// pointer to the last font name it measured, which lives in the context's font dictionary: a
/// context freed and another made, the next label compares against freed memory (a
/// heap-use-after-free the asan preset found in every process that draws twice: the report's
/// diagrams). Graphviz is not thread-safe: one context is all a process may use anyway.
inline GVC_t* process_context() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}
struct ContextDeleter {
    void operator()(GVC_t* /*shared*/) const {} // the process's context stays (see process_context)
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

/// A Graphviz context and an undirected graph in it, set up as every layout maillage asks for
/// is: nodes kept apart (overlap=prism), straight ties (splines=false), a seeded start.
struct OpenGraph {
    std::unique_ptr<GVC_t, ContextDeleter> gvc;
    std::unique_ptr<Agraph_t, GraphDeleter> graph;
};

/// Opens one (errors collected from here on). Throws FatalError when Graphviz cannot.
inline OpenGraph open_graph(const char* name, std::uint64_t seed, core::Lang lang) {
    collect_graphviz_errors();
    OpenGraph out;
    out.gvc.reset(process_context());
    if (!out.gvc) fail(lang);
    Agdesc_t kind = Agundirected;
    out.graph.reset(agopen(S(name), kind, nullptr));
    Agraph_t* G = out.graph.get();
    agsafeset(G, S("overlap"), S("prism"), S(""));
    agsafeset(G, S("splines"), S("false"), S(""));
    agsafeset(G, S("start"), S(std::to_string(seed)), S(""));
    return out;
}

} // namespace maillage::render::detail
