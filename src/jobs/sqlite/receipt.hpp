#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scs {

// A fresh receipt for one receive of message `message_id`: "<id>.<32 random hex digits>". The
// id lets Delete find the row by primary key; the random part makes an earlier receive's
// receipt useless once the message has been received again. Thread-safe.
std::string MakeReceipt(int64_t message_id);

// The message id inside a receipt; nullopt when `receipt` is not one MakeReceipt made.
std::optional<int64_t> ReceiptMessageId(std::string_view receipt);

}  // namespace scs
