// One hierarchy of errors (STYLE.md): every error maillage throws derives from maillage::Error.
#pragma once

#include <stdexcept>
#include <string>

namespace maillage {

/// Base of every maillage error. The message is already in the user's language.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The input cannot be used at all (unreadable file, unknown format, missing required column,
/// bad option): the command stops, writes nothing, and exits with code 2.
class FatalError : public Error {
public:
    using Error::Error;
};

/// What the user named does not exist: a file, a territory, an edition of a territory. Exits 2
/// like any FatalError; the workspace answers 404 Not Found rather than 400 Bad Request.
class NotFoundError : public FatalError {
public:
    using FatalError::FatalError;
};

/// The input was read but holds data problems (reported as diagnostics): exit code 1.
class DataError : public Error {
public:
    using Error::Error;
};

} // namespace maillage
