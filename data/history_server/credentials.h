// HttpCredentials: how sparktune authenticates to a Spark History Server, and
// where the secrets come from (environment variables or files, never the
// command line, so they do not show in `ps` or shell history).
//
//  * basic auth: an environment variable holding "user:password";
//  * bearer token: a file (or environment variable) holding the token;
//  * extra headers: a file of "Name: value" lines (e.g. a gateway's API key;
//    '#' starts a comment line).
//
// Contract on secrets: nothing in this module prints them. Error messages name
// the variable, file and line, never a value; Redact() removes every secret
// from a text before it is shown (a second guard for messages built from
// server or libcurl text). Credentials are plain values: copy freely.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "data/base/result.h"

namespace sparktune::history_server {

struct HttpCredentials {
  std::string basic_user;  // basic auth when non-empty
  std::string basic_password;
  std::string bearer_token;  // "Authorization: Bearer <token>" when non-empty
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, in file order

  bool empty() const { return basic_user.empty() && bearer_token.empty() && headers.empty(); }
  // Replaces every secret (password, token, "user:password", header values of
  // 4 characters or more) occurring in `text` by "***".
  std::string Redact(std::string text) const;
};

// Reads "user:password" from the environment variable `var`. Errors
// (InvalidArgument) name the variable: unset, empty, or without ':'.
Status LoadBasicAuthFromEnv(const std::string& var, HttpCredentials& creds);

// Reads a bearer token from `path` (surrounding whitespace trimmed; one line).
// Errors name the file: missing (NotFound), empty or several lines
// (InvalidArgument). `warning` is set when the file is readable by others.
Status LoadTokenFile(const std::string& path, HttpCredentials& creds, std::string* warning);
// Reads a bearer token from the environment variable `var`.
Status LoadTokenFromEnv(const std::string& var, HttpCredentials& creds);

// Reads "Name: value" lines from `path`. Names must be HTTP tokens; values may
// not contain CR/LF. Errors name the file and line, never the value.
Status LoadHeaderFile(const std::string& path, HttpCredentials& creds, std::string* warning);

}  // namespace sparktune::history_server
