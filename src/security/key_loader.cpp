#include "security/key_loader.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::string_view kDefaultKeyId = "default";
constexpr std::string_view kSeparators = ",\n";
constexpr std::string_view kBlank = " \t\r";
constexpr mode_t kAllowedModeBits = S_IRUSR | S_IWUSR;

std::string_view Trim(std::string_view s) {
    const auto first = s.find_first_not_of(kBlank);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(kBlank);
    return s.substr(first, last - first + 1);
}

bool IsValidKeyId(std::string_view id) {
    if (id.empty()) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
    });
}

// One `id:base64` or `base64` entry; `index` counts from 1 for messages.
Result<MasterKey> ParseEntry(std::string_view entry, size_t index, std::string_view source) {
    const std::string where = std::string(source) + ": key entry " + std::to_string(index);
    const auto colon = entry.find(':');
    const std::string_view id =
        colon == std::string_view::npos ? kDefaultKeyId : Trim(entry.substr(0, colon));
    const std::string_view encoded =
        colon == std::string_view::npos ? entry : Trim(entry.substr(colon + 1));
    if (!IsValidKeyId(id)) {
        return Fail(ErrorCode::kBadRequest,
                    where + ": key id must be non-empty letters, digits, '-', '_' or '.'");
    }
    auto key = Base64Decode(encoded);
    if (!key) {
        return Fail(ErrorCode::kBadRequest,
                    where + " (id '" + std::string(id) + "'): the key is not valid base64");
    }
    if (key->size() != SecretBox::kKeySize) {
        return Fail(ErrorCode::kBadRequest,
                    where + " (id '" + std::string(id) + "'): the key decodes to " +
                        std::to_string(key->size()) + " bytes; it must be 32 bytes");
    }
    return MasterKey{std::string(id), std::move(*key)};
}

std::string ErrnoText() {
    return std::generic_category().message(errno);
}

Result<std::string> ReadKeyFile(const std::filesystem::path& path) {
    struct stat st {};

    if (::stat(path.c_str(), &st) != 0) {
        return Fail(ErrorCode::kInternal, path.string() + ": cannot stat: " + ErrnoText());
    }
    const mode_t mode = st.st_mode & 0777U;
    if ((mode & ~kAllowedModeBits) != 0) {
        std::ostringstream msg;
        msg << path.string() << ": mode is 0" << std::oct << mode
            << ", which lets others read the master key; run `chmod 600 " << path.string() << "`";
        return Fail(ErrorCode::kBadRequest, msg.str());
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
        return Fail(ErrorCode::kInternal, path.string() + ": cannot read the master key file");
    }
    return content.str();
}

bool WriteAll(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Writes `content` to a private temporary file, then hard-links it to `path`: the key file
// appears complete or not at all, and a process racing us on first start keeps the winner's key.
Status PublishKeyFile(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path tmp = path.string() + ".tmp." + RandomToken(8);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kAllowedModeBits);
    if (fd < 0) {
        return Fail(ErrorCode::kInternal, tmp.string() + ": cannot create: " + ErrnoText());
    }
    const bool written = WriteAll(fd, content) && ::fsync(fd) == 0;
    const std::string write_error = written ? "" : ErrnoText();
    ::close(fd);
    const bool linked = written && (::link(tmp.c_str(), path.c_str()) == 0 || errno == EEXIST);
    const std::string link_error = linked || !written ? "" : ErrnoText();
    ::unlink(tmp.c_str());
    if (!written) {
        return Fail(ErrorCode::kInternal, tmp.string() + ": cannot write: " + write_error);
    }
    if (!linked) {
        return Fail(ErrorCode::kInternal, path.string() + ": cannot create: " + link_error);
    }
    return {};
}

Status CreateKeyFile(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        return Fail(ErrorCode::kInternal,
                    path.parent_path().string() + ": cannot create directory: " + ec.message());
    }
    const std::string content =
        std::string(kDefaultKeyId) + ":" + Base64Encode(RandomBytes(SecretBox::kKeySize)) + "\n";
    return PublishKeyFile(path, content);
}

}  // namespace

Result<std::vector<MasterKey>> ParseMasterKeys(std::string_view text, std::string_view source) {
    std::vector<MasterKey> keys;
    std::set<std::string, std::less<>> ids;
    size_t index = 0;
    while (!text.empty()) {
        const auto end = text.find_first_of(kSeparators);
        const std::string_view entry = Trim(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (entry.empty()) {
            continue;
        }
        auto key = ParseEntry(entry, ++index, source);
        if (!key) {
            return tl::unexpected(std::move(key.error()));
        }
        if (!ids.insert(key->id).second) {
            return Fail(ErrorCode::kBadRequest,
                        std::string(source) + ": key id '" + key->id + "' appears twice");
        }
        keys.push_back(std::move(*key));
    }
    if (keys.empty()) {
        return Fail(ErrorCode::kBadRequest, std::string(source) + ": contains no master key");
    }
    return keys;
}

Result<std::vector<MasterKey>> LoadMasterKeys(std::string_view spec,
                                              const std::filesystem::path& data_dir) {
    if (!Trim(spec).empty()) {
        return ParseMasterKeys(spec, "security.master_key (SCS_MASTER_KEY)");
    }
    const std::filesystem::path path = data_dir / kMasterKeyFileName;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        if (auto created = CreateKeyFile(path); !created) {
            return tl::unexpected(std::move(created.error()));
        }
    }
    auto content = ReadKeyFile(path);
    if (!content) {
        return tl::unexpected(std::move(content.error()));
    }
    return ParseMasterKeys(*content, path.string());
}

}  // namespace scs
