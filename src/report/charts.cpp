#include "maillage/report/charts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "maillage/core/text.hpp"

namespace maillage::report {
namespace {

constexpr double char_width = 6.6; // average advance of the 12px sans-serif labels, for layout

std::string num(double x) { return fmt::format("{:.1f}", x); }

double text_width(const std::string& s, double size = 12) {
    return static_cast<double>(core::display_width(s)) * char_width * size / 12.0;
}

std::string text(double x, double y, const std::string& content, const std::string& attrs = "") {
    return fmt::format("<text x=\"{}\" y=\"{}\"{}>{}</text>", num(x), num(y), attrs.empty() ? "" : " " + attrs,
                       escape(content));
}

std::string open_svg(double width, double height, const std::string& title, const std::string& cls) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {}\" viewBox=\"0 0 {} {}\" "
                       "width=\"{}\" height=\"{}\" role=\"img\"><title>{}</title>",
                       cls, num(width), num(height), num(width), num(height), escape(title));
}

/// "Nice" axis steps (1, 2, 2.5, 5 × 10^k) covering [lo, hi] in about `ticks` steps.
std::vector<double> axis_ticks(double lo, double hi, int ticks) {
    if (!(hi > lo)) hi = lo + 1;
    const double raw = (hi - lo) / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    std::vector<double> out;
    for (double v = std::floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
    if (out.back() < hi) out.push_back(out.back() + step);
    return out;
}

std::string shown(const std::function<std::string(double)>& format, double v) {
    return format ? format(v) : fmt::format("{:g}", v);
}

std::string legend(const std::vector<Series>& series, double x, double y, double max_width) {
    std::string out;
    double cx = x, cy = y;
    for (const auto& s : series) {
        const double w = 22 + text_width(s.name) + 16;
        if (cx + w > x + max_width && cx > x) {
            cx = x;
            cy += 18;
        }
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{}\"/>", num(cx), num(cy - 9), s.colour);
        out += text(cx + 19, cy, s.name, "class=\"legend\"");
        cx += w;
    }
    return out;
}

double legend_height(const std::vector<Series>& series, double max_width) {
    double cx = 0, rows = 1;
    for (const auto& s : series) {
        const double w = 22 + text_width(s.name) + 16;
        if (cx + w > max_width && cx > 0) {
            cx = 0;
            ++rows;
        }
        cx += w;
    }
    return rows * 18;
}

} // namespace

std::string escape(const std::string& text) {
    const std::string s = core::strip_controls(text);
    std::string out;
    out.reserve(s.size());
    for (char c : s) switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    return out;
}

std::string line_chart(const LineChart& c) {
    // the right margin holds the end labels: their widest, within bounds
    const bool named_ends = c.series.size() > 1;
    double end_w = 0;
    for (const auto& s : c.series) {
        std::optional<double> last;
        for (const auto& v : s.values)
            if (v) last = v;
        // the end labels are bold: wider than the average advance
        if (last) end_w = std::max(end_w, 1.15 * text_width((named_ends ? s.name + " " : std::string()) + shown(c.format, *last)) + 4);
    }
    const double width = 640, plot_h = 200, left = 58, top = 12;
    const double right = std::clamp(end_w + 14, 60.0, 300.0);
    const double lh = legend_height(c.series, width - left);
    const double height = top + plot_h + 30 + lh + 8;
    double lo = c.y_min, hi = c.y_min;
    bool any = false;
    for (const auto& s : c.series)
        for (const auto& v : s.values)
            if (v) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
                any = true;
            }
    if (c.y_max) hi = std::max(hi, *c.y_max);
    const auto ticks = axis_ticks(lo, any ? hi : lo + 1, 4);
    lo = ticks.front();
    hi = ticks.back();
    const double plot_w = width - left - right;
    const auto n = c.x_labels.size();
    const bool true_axis = c.x.size() == n && n >= 2 && c.x.back() > c.x.front();
    auto X = [&](std::size_t i) {
        if (true_axis) return left + plot_w * (c.x[i] - c.x.front()) / (c.x.back() - c.x.front());
        return left + (n <= 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / static_cast<double>(n - 1));
    };
    auto Y = [&](double v) { return top + plot_h - (v - lo) / (hi - lo) * plot_h; };

    std::string out = open_svg(width, height, c.title, "line");
    for (double t : ticks) {
        out += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>", num(left), num(left + plot_w), num(Y(t)), num(Y(t)));
        out += text(left - 6, Y(t) + 4, shown(c.format, t), "class=\"axis\" text-anchor=\"end\"");
    }
    if (true_axis) {
        // a tick for every whole unit (year), so that the years without an edition show
        const double span = c.x.back() - c.x.front();
        if (span <= 200)
            for (double u = std::ceil(c.x.front()); u <= c.x.back(); u += 1) {
                const double x = left + plot_w * (u - c.x.front()) / span;
                out += fmt::format("<line class=\"tick\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>", num(x), num(x), num(top + plot_h),
                                   num(top + plot_h + 4));
            }
    }
    // x labels: each one that does not run into the previous one (the last always)
    double last_right = -1e9;
    for (std::size_t i = 0; i < n; ++i) {
        const double w = text_width(c.x_labels[i], 11);
        const bool fits = X(i) - w / 2 >= last_right + 4;
        const bool room_for_last = i + 1 == n || X(n - 1) - text_width(c.x_labels[n - 1], 11) / 2 >= X(i) + w / 2 + 4;
        if ((fits && room_for_last) || (i + 1 == n)) {
            out += text(X(i), top + plot_h + 18, c.x_labels[i], "class=\"axis\" text-anchor=\"middle\"");
            last_right = X(i) + w / 2;
        }
    }
    out += fmt::format("<line class=\"axisline\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>", num(left), num(left + plot_w),
                       num(top + plot_h), num(top + plot_h));
    // the end labels of the series, pushed apart so that they do not overlap
    struct EndLabel {
        double y;
        std::string text, colour;
    };
    std::vector<EndLabel> ends;
    for (const auto& s : c.series) {
        std::string path;
        std::optional<std::size_t> last;
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
            if (!s.values[i]) {
                continue; // a missing edition: the line joins its neighbours
            }
            path += fmt::format("{}{},{}", path.empty() ? "M" : " L", num(X(i)), num(Y(*s.values[i])));
            last = i;
        }
        if (path.empty()) continue;
        out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\"{}/>", path, s.colour,
                           s.dashed ? " stroke-dasharray=\"5 3\"" : "");
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i)
            if (s.values[i])
                out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"><title>{}</title></circle>", num(X(i)),
                                   num(Y(*s.values[i])), s.colour,
                                   escape(s.name + " — " + c.x_labels[i] + " : " + shown(c.format, *s.values[i])));
        ends.push_back({Y(*s.values[*last]), (named_ends ? s.name + " " : std::string()) + shown(c.format, *s.values[*last]), s.colour});
    }
    std::sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
    for (std::size_t i = 1; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, ends[i - 1].y + 14);
    // pushed below the axis: move the column up so that its last label sits on the axis
    if (!ends.empty() && ends.back().y > top + plot_h) {
        ends.back().y = top + plot_h;
        for (std::size_t i = ends.size() - 1; i-- > 0;) ends[i].y = std::min(ends[i].y, ends[i + 1].y - 14);
    }
    for (const auto& e : ends)
        out += text(left + plot_w + 8, e.y + 4, e.text, fmt::format("class=\"value\" fill=\"{}\"", e.colour));
    out += legend(c.series, left, top + plot_h + 44, width - left);
    out += "</svg>";
    return out;
}

std::string bar_chart(const BarChart& c) {
    double label_w = 0;
    for (const auto& l : c.labels) label_w = std::max(label_w, text_width(l));
    const double width = 640, left = std::min(300.0, label_w + 16), right = 70, top = 8, row = 24;
    const double plot_w = width - left - right;
    const double lh = c.show_legend && c.segments.size() > 1 ? legend_height(c.segments, width - 12) + 10 : 0;
    const double height = top + row * static_cast<double>(c.labels.size()) + 6 + lh;
    double hi = 0;
    std::vector<double> totals(c.labels.size(), 0);
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
        for (const auto& s : c.segments)
            if (i < s.values.size() && s.values[i]) totals[i] += std::max(0.0, *s.values[i]);
        hi = std::max(hi, totals[i]);
    }
    if (hi <= 0) hi = 1;
    std::string out = open_svg(width, height, c.title, "bar");
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
        const double y = top + row * static_cast<double>(i);
        std::string label = c.labels[i];
        // labels longer than the column are cut with an ellipsis (the whole label is the tooltip)
        if (text_width(label) > left - 8) {
            std::string cut;
            double w = 0;
            for (std::size_t k = 0; k < label.size(); ++k) {
                const auto ch = static_cast<unsigned char>(label[k]);
                if ((ch & 0xC0) != 0x80) w += char_width;
                if (w > left - 24 && (ch & 0xC0) != 0x80) break;
                cut.push_back(label[k]);
            }
            label = cut + "…";
        }
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"end\">{}<title>{}</title></text>",
                           num(left - 8), num(y + 15), escape(label), escape(c.labels[i]));
        double x = left;
        for (const auto& s : c.segments) {
            if (i >= s.values.size() || !s.values[i] || *s.values[i] <= 0) continue;
            const double w = *s.values[i] / hi * plot_w;
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"><title>{}</title></rect>", num(x),
                               num(y + 3), num(w), s.colour,
                               escape(c.labels[i] + " — " + s.name + " : " + shown(c.format, *s.values[i])));
            x += w;
        }
        out += text(x + 6, y + 15, shown(c.format, totals[i]), "class=\"value\"");
    }
    if (lh > 0) out += legend(c.segments, 12, top + row * static_cast<double>(c.labels.size()) + 20, width - 12);
    out += "</svg>";
    return out;
}

std::string diverging_colour(double gap, double limit) {
    if (std::isnan(gap)) return "#DDDDDD";
    // ColorBrewer RdBu ends (#2166AC blue, #B2182B red) through white: blue = fewer than chance
    const double t = std::clamp(gap / limit, -1.0, 1.0);
    const int end_r = t < 0 ? 0x21 : 0xB2, end_g = t < 0 ? 0x66 : 0x18, end_b = t < 0 ? 0xAC : 0x2B;
    const double a = std::abs(t);
    auto mix = [a](int e) { return static_cast<int>(std::lround(255 + (e - 255) * a)); };
    return fmt::format("#{:02X}{:02X}{:02X}", mix(end_r), mix(end_g), mix(end_b));
}

std::string heat_map(const HeatMap& m) {
    const std::size_t G = m.labels.size();
    // long type names are cut to 30 characters with an ellipsis (the whole name is each cell's
    // tooltip and the sentences above use it), so that the matrix keeps its width
    std::vector<std::string> labels;
    for (const auto& l : m.labels) {
        std::string cut;
        std::size_t chars = 0;
        for (std::size_t k = 0; k < l.size(); ++k) {
            const auto ch = static_cast<unsigned char>(l[k]);
            if ((ch & 0xC0) != 0x80 && ++chars > 29 && l.size() - k > 1) {
                cut += "…";
                break;
            }
            cut.push_back(l[k]);
        }
        labels.push_back(cut);
    }
    double label_w = 0;
    // DejaVu Sans, the usual fallback, is wide: reckon 11px labels as 12.5px of the average font
    for (const auto& l : labels) label_w = std::max(label_w, text_width(l, 12.5));
    const double cell = std::clamp(440.0 / std::max<double>(1, static_cast<double>(G)), 22.0, 40.0);
    const double left = label_w + 10, top = label_w * 0.72 + 14;
    const double legend_w = std::max(240.0, text_width(m.low_label, 11) + text_width(m.high_label, 11) + 40);
    const double mark_w = std::max(m.mark_label.empty() ? 0 : 32 + text_width(m.mark_label, 11),
                                   m.none_label.empty() ? 0 : 32 + text_width(m.none_label, 11));
    const double width = std::max({640.0, left + cell * static_cast<double>(G) + label_w * 0.72 + 10, left + legend_w + mark_w + 10});
    const double height = top + cell * static_cast<double>(G) + 56;
    std::string out = open_svg(width, height, m.title, "heat");
    for (std::size_t i = 0; i < G; ++i) {
        const double y = top + cell * static_cast<double>(i);
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"small\" text-anchor=\"end\">{}</text>", num(left - 6),
                           num(y + cell / 2 + 4), escape(labels[i]));
        const double x = left + cell * static_cast<double>(i) + cell / 2;
        out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"small\" transform=\"rotate(-45 {} {})\">{}</text>", num(x), num(top - 6),
                           num(x), num(top - 6), escape(labels[i]));
    }
    for (std::size_t i = 0; i < G; ++i)
        for (std::size_t j = 0; j < G; ++j) {
            const std::size_t k = i * G + j;
            const double x = left + cell * static_cast<double>(j), y = top + cell * static_cast<double>(i);
            const bool mark = k < m.marked.size() && m.marked[k];
            const double g = (k < m.gap.size() ? m.gap[k] : std::nan("")) * (mark ? 1.0 : m.unmarked_strength);
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\">", num(x), num(y),
                               num(cell), num(cell), diverging_colour(g, m.limit));
            if (k < m.tooltip.size()) out += "<title>" + escape(m.tooltip[k]) + "</title>";
            out += "</rect>";
            const bool dark = std::abs(g) > m.limit * 0.6;
            if (k < m.text.size() && !m.text[k].empty())
                out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"cell\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
                                   num(x + cell / 2), num(y + cell / 2 + 4), dark ? "#FFFFFF" : "#222222", escape(m.text[k]));
            // the dot sits in the cell's corner, clear of the count
            if (mark)
                out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" class=\"mark\"/>", num(x + cell - 5),
                                   num(y + 5), num(std::max(2.0, cell / 12)), dark ? "#FFFFFF" : "#222222");
        }
    // legend: a gradient bar from "fewer than chance" to "more", then the dot
    const double ly = top + cell * static_cast<double>(G) + 22, lx = left, lw = legend_w;
    for (int s = 0; s < 24; ++s) {
        const double g = -m.limit + 2 * m.limit * (s + 0.5) / 24;
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"{}\"/>", num(lx + lw * s / 24), num(ly),
                           num(lw / 24 + 0.5), diverging_colour(g, m.limit));
    }
    out += text(lx, ly + 24, m.low_label, "class=\"small\"");
    out += text(lx + lw, ly + 24, m.high_label, "class=\"small\" text-anchor=\"end\"");
    const double mx = lx + lw + 24;
    if (!m.mark_label.empty()) {
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#222222\"/>", num(mx), num(ly + 5));
        out += text(mx + 8, ly + 9, m.mark_label, "class=\"small\"");
    }
    if (!m.none_label.empty()) {
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"{}\"/>", num(mx - 4), num(ly + 16),
                           diverging_colour(std::nan(""), m.limit));
        out += text(mx + 8, ly + 24, m.none_label, "class=\"small\"");
    }
    out += "</svg>";
    return out;
}

} // namespace maillage::report
