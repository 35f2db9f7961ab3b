#include "jobs/sqlite/receipt.hpp"

#include <array>
#include <charconv>
#include <random>

namespace scs {
namespace {

constexpr size_t kRandomDigits = 32;

std::string RandomHex() {
    // Seeded per thread from the OS, so receipts differ across threads and processes.
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr std::array<char, 16> kDigits = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string hex;
    hex.reserve(kRandomDigits);
    while (hex.size() < kRandomDigits) {
        uint64_t bits = rng();
        for (int i = 0; i < 16 && hex.size() < kRandomDigits; ++i, bits >>= 4U) {
            hex.push_back(kDigits.at(bits & 0xFU));
        }
    }
    return hex;
}

}  // namespace

std::string MakeReceipt(int64_t message_id) {
    return std::to_string(message_id) + "." + RandomHex();
}

std::optional<int64_t> ReceiptMessageId(std::string_view receipt) {
    const size_t dot = receipt.find('.');
    if (dot == std::string_view::npos || dot == 0 || receipt.size() - dot - 1 != kRandomDigits) {
        return std::nullopt;
    }
    int64_t id = 0;
    const char* end = receipt.data() + dot;
    const auto [ptr, ec] = std::from_chars(receipt.data(), end, id);
    if (ec != std::errc() || ptr != end || id <= 0) {
        return std::nullopt;
    }
    return id;
}

}  // namespace scs
