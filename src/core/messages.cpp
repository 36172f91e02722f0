#include "maillage/core/messages.hpp"

namespace maillage::core {
namespace detail {
std::string_view message_fr(Msg key);
std::string_view message_en(Msg key);
} // namespace detail

std::string_view message(Msg key, Lang lang) {
    return lang == Lang::En ? detail::message_en(key) : detail::message_fr(key);
}

} // namespace maillage::core
