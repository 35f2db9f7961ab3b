#include "security/credential_seal.hpp"

#include <string>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace scs {
namespace {

std::string CredentialsAad(const Connection& connection) {
    return "scs.credentials.v1/" + connection.seller_id + "/" + connection.platform;
}

}  // namespace

Result<SealedSecret> SealCredentials(const SecretBox& box,
                                     const Connection& connection,
                                     const Credentials& credentials) {
    boost::json::object object;
    for (const auto& [name, value] : credentials) {
        object[name] = value;
    }
    return box.Seal(boost::json::serialize(object), CredentialsAad(connection));
}

Result<Credentials> OpenCredentials(const SecretBox& box, const Connection& connection) {
    if (connection.credentials.Empty()) {
        return Credentials{};
    }
    auto plain = box.Open(connection.credentials, CredentialsAad(connection));
    if (!plain) {
        return tl::unexpected(plain.error());
    }
    boost::system::error_code ec;
    auto parsed = boost::json::parse(*plain, ec);
    if (ec || !parsed.is_object()) {
        return Fail(ErrorCode::kInternal, "stored credentials are not a JSON object");
    }
    Credentials credentials;
    for (const auto& [name, value] : parsed.as_object()) {
        if (!value.is_string()) {
            return Fail(ErrorCode::kInternal, "stored credentials hold a non-string value");
        }
        credentials[std::string(name)] = std::string(value.as_string());
    }
    return credentials;
}

}  // namespace scs
