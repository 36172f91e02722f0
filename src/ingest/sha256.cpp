#include "maillage/ingest/sha256.hpp"

#include <openssl/evp.h>

#include "maillage/core/error.hpp"

namespace maillage::ingest {

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
    if (!m_ctx || EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_ctx);
        throw FatalError("OpenSSL SHA-256 failed");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx); }

Sha256& Sha256::add(std::string_view bytes) {
    EVP_DigestUpdate(m_ctx, bytes.data(), bytes.size());
    return *this;
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &n);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (unsigned int i = 0; i < n; ++i) {
        out.push_back(digits[digest[i] >> 4]);
        out.push_back(digits[digest[i] & 15]);
    }
    return out;
}

} // namespace maillage::ingest
