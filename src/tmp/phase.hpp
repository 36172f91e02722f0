// TEMPORARY (not committed): phase timings for profiling.
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
inline void phase(const char* what) {
    static const bool on = std::getenv("MAILLAGE_PHASES") != nullptr;
    if (!on) return;
    static const auto t0 = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::ifstream st("/proc/self/status");
    std::string line, rss, hwm;
    while (std::getline(st, line)) {
        if (line.rfind("VmRSS:", 0) == 0) rss = line.substr(6);
        if (line.rfind("VmHWM:", 0) == 0) hwm = line.substr(6);
    }
    std::fprintf(stderr, "[phase] %8.1f ms  rss %s  hwm %s  %s\n", ms, rss.c_str(), hwm.c_str(), what);
}
