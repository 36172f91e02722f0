// SHA-256 as lower-case hex (OpenSSL's), fed in parts.
#pragma once

#include <string>
#include <string_view>

struct evp_md_ctx_st; // OpenSSL's EVP_MD_CTX

namespace maillage::ingest {

/// SHA-256 of bytes given in parts (OpenSSL's), as lower-case hex: file_sha256's digest, and
/// what identity resolution fingerprints what it reads with.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256& add(std::string_view bytes);
    /// The digest of all that was added (once: the state is spent).
    std::string hex();

private:
    evp_md_ctx_st* m_ctx;
};

} // namespace maillage::ingest
