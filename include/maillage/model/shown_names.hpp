// Organisation names as organisations write them: a name a sheet or a directory shouts in
// capitals ("CENTRE INFORMATION FAMILLE - AIX-EN-PROVENCE") is shown in the case the
// organisation itself uses ("Centre information famille - Aix-en-Provence"), in every output:
// identity resolution names each organisation this way (ingest/identity.hpp, show_names).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace maillage::model {

/// True when a name is written in capitals only ("CENTRE INFORMATION FAMILLE"): it has at least
/// one letter and no lower-case letter (accented letters included). Complexity: linear.
bool is_shouting(std::string_view name);

/// A name written in capitals as an organisation writes it (French rules): the first word
/// capitalised, the others in lower case, connector words (de, du, des, la, le, les, et, en, à,
/// au, aux, sur, sous, pour, d', l') in lower case, acronyms kept (CIO, CCI, GRETA, BTP...;
/// any word without a vowel, any two letters that are not a connector: "UD"), words with digits kept, network names as they write themselves
/// ("France Travail", "Mission locale", "Cap emploi"), and place names as the official
/// geography writes them: `places` maps core::fold of a commune's name ("aix en provence") to
/// its name ("Aix-en-Provence"); hyphenated words not found there are capitalised part by part
/// ("Salon-de-Provence"). "CENTRE INFORMATION FAMILLE - AIX-EN-PROVENCE" → "Centre information
/// famille - Aix-en-Provence". A name that is not in capitals comes back unchanged.
/// Complexity: linear in the name (plus a lookup per word run). Throws nothing but bad_alloc.
std::string proper_case(std::string_view name, const std::map<std::string, std::string>& places = {});

} // namespace maillage::model
