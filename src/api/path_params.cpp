#include "api/path_params.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace scs {

bool IsValidSellerId(std::string_view id) {
    constexpr size_t kMaxLength = 64;
    if (id.empty() || id.size() > kMaxLength) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](unsigned char ch) {
        return std::isalnum(ch) != 0 || ch == '-' || ch == '_' || ch == '.';
    });
}

std::optional<int64_t> ParsePositiveId(std::string_view text) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

Result<std::string> SellerFromPath(const HttpRequest& request, const Principal& principal) {
    const auto& seller = request.path_params.at("seller_id");
    if (!IsValidSellerId(seller)) {
        return FailField("seller_id", "seller_id: 1-64 letters, digits, '-', '_' or '.'");
    }
    if (!principal.MaySee(seller)) {
        return Fail(ErrorCode::kNotFound, "no such seller");
    }
    return seller;
}

Result<Connection> LoadVisibleConnection(ConnectionStore& store,
                                         const HttpRequest& request,
                                         const Principal& principal) {
    auto seller = SellerFromPath(request, principal);
    if (!seller) {
        return tl::unexpected(seller.error());
    }
    const auto id = ParsePositiveId(request.path_params.at("ssc_id"));
    if (!id) {
        return Fail(ErrorCode::kNotFound, "no such sales channel connection");
    }
    auto connection = store.Get(*id);
    if (!connection && connection.error().code != ErrorCode::kNotFound) {
        return connection;
    }
    if (!connection || connection->seller_id != *seller ||
        connection->status == ConnectionStatus::kDisconnected) {
        return Fail(ErrorCode::kNotFound, "no such sales channel connection");
    }
    return connection;
}

}  // namespace scs
