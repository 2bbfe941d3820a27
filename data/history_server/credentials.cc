#include "data/history_server/credentials.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "data/base/text.h"

namespace sparktune::history_server {
namespace {

// RFC 9110 token characters.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool HasControl(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t') return true;
    if (c == 0x7f) return true;
  }
  return false;
}

// Reads a whole secret file; a NotFound/IoError names the path.
Result<std::string> ReadSecretFile(const std::string& path, const char* what,
                                   std::string* warning) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return Status::NotFound("no such " + std::string(what) + ": " + path);
  if (!S_ISREG(st.st_mode))
    return Status::InvalidArgument(std::string(what) + " is not a regular file: " + path);
  if (warning != nullptr && (st.st_mode & (S_IRGRP | S_IROTH)) != 0) {
    *warning = std::string(what) + " " + path + " is readable by other users (chmod 600 it)";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + std::string(what) + ": " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string HttpCredentials::Redact(std::string text) const {
  std::vector<std::string> secrets;
  if (!basic_password.empty()) {
    secrets.push_back(basic_user + ":" + basic_password);
    secrets.push_back(basic_password);
  }
  if (!bearer_token.empty()) secrets.push_back(bearer_token);
  // Header values shorter than 4 characters (a tenant number, say) would turn
  // every message into asterisks and are no secret worth the name.
  for (const auto& h : headers) {
    if (h.second.size() >= 4) secrets.push_back(h.second);
  }
  for (const std::string& s : secrets) {
    for (size_t pos = text.find(s); pos != std::string::npos; pos = text.find(s, pos + 3)) {
      text.replace(pos, s.size(), "***");
    }
  }
  return text;
}

Status LoadBasicAuthFromEnv(const std::string& var, HttpCredentials& creds) {
  const char* v = std::getenv(var.c_str());
  if (v == nullptr || *v == '\0') {
    return Status::InvalidArgument("environment variable " + var +
                                   " (basic auth) is unset or empty");
  }
  std::string s = v;
  size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0) {
    return Status::InvalidArgument("environment variable " + var +
                                   " (basic auth) must hold 'user:password'");
  }
  if (HasControl(s)) {
    return Status::InvalidArgument("environment variable " + var +
                                   " (basic auth) holds control characters");
  }
  creds.basic_user = s.substr(0, colon);
  creds.basic_password = s.substr(colon + 1);
  return Status::Ok();
}

namespace {
Status SetToken(std::string token, const std::string& where, HttpCredentials& creds) {
  token = std::string(text::TrimWhitespace(token));
  if (token.empty()) return Status::InvalidArgument("bearer token is empty: " + where);
  if (token.find('\n') != std::string::npos || HasControl(token)) {
    return Status::InvalidArgument("bearer token must be one line without control characters: " +
                                   where);
  }
  creds.bearer_token = std::move(token);
  return Status::Ok();
}
}  // namespace

Status LoadTokenFile(const std::string& path, HttpCredentials& creds, std::string* warning) {
  SPARKTUNE_ASSIGN_OR_RETURN(std::string text, ReadSecretFile(path, "token file", warning));
  return SetToken(std::move(text), path, creds);
}

Status LoadTokenFromEnv(const std::string& var, HttpCredentials& creds) {
  const char* v = std::getenv(var.c_str());
  if (v == nullptr || *v == '\0') {
    return Status::InvalidArgument("environment variable " + var +
                                   " (bearer token) is unset or empty");
  }
  return SetToken(v, "environment variable " + var, creds);
}

Status LoadHeaderFile(const std::string& path, HttpCredentials& creds, std::string* warning) {
  SPARKTUNE_ASSIGN_OR_RETURN(std::string text, ReadSecretFile(path, "header file", warning));
  std::istringstream in(text);
  std::string line;
  int number = 0;
  size_t added = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t(text::TrimWhitespace(line));
    if (t.empty() || t[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(number);
    size_t colon = t.find(':');
    if (colon == std::string::npos || colon == 0) {
      return Status::InvalidArgument("header file line is not 'Name: value': " + where);
    }
    std::string name(text::TrimWhitespace(t.substr(0, colon)));
    std::string value(text::TrimWhitespace(t.substr(colon + 1)));
    for (char c : name) {
      if (!IsTokenChar(c)) {
        return Status::InvalidArgument("header name has a character HTTP does not allow: " + where);
      }
    }
    if (HasControl(value)) {
      return Status::InvalidArgument("header value holds control characters: " + where);
    }
    creds.headers.emplace_back(std::move(name), std::move(value));
    ++added;
  }
  if (added == 0)
    return Status::InvalidArgument("header file holds no 'Name: value' line: " + path);
  return Status::Ok();
}

}  // namespace sparktune::history_server
