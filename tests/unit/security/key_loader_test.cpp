#include "security/key_loader.hpp"

#include <fstream>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "security/crypto.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

namespace fs = std::filesystem;

const std::string kKeyA = Base64Encode(std::string(32, 'a'));
const std::string kKeyB = Base64Encode(std::string(32, 'b'));

mode_t ModeOf(const fs::path& path) {
    struct stat st {};

    EXPECT_EQ(::stat(path.c_str(), &st), 0);
    return st.st_mode & 0777U;
}

void WriteFile(const fs::path& path, const std::string& content, fs::perms perms) {
    std::ofstream(path) << content;
    fs::permissions(path, perms);
}

TEST(ParseMasterKeys, AcceptsBareKeyAsDefault) {
    const auto keys = LoadMasterKeys(kKeyA, "/nonexistent");
    ASSERT_TRUE(keys) << keys.error().message;
    ASSERT_EQ(keys->size(), 1U);
    EXPECT_EQ((*keys)[0].id, "default");
    EXPECT_EQ((*keys)[0].key, std::string(32, 'a'));
}

TEST(ParseMasterKeys, AcceptsSeveralEntriesWithIds) {
    const auto keys = LoadMasterKeys("k2:" + kKeyB + ", k1:" + kKeyA, "/nonexistent");
    ASSERT_TRUE(keys) << keys.error().message;
    ASSERT_EQ(keys->size(), 2U);
    EXPECT_EQ((*keys)[0].id, "k2");
    EXPECT_EQ((*keys)[0].key, std::string(32, 'b'));
    EXPECT_EQ((*keys)[1].id, "k1");
}

TEST(ParseMasterKeys, AcceptsNewlinesAndMixedForms) {
    const auto keys = ParseMasterKeys("\n2026-11:" + kKeyB + "\r\n" + kKeyA + "\n\n", "file");
    ASSERT_TRUE(keys) << keys.error().message;
    ASSERT_EQ(keys->size(), 2U);
    EXPECT_EQ((*keys)[0].id, "2026-11");
    EXPECT_EQ((*keys)[1].id, "default");
    EXPECT_EQ((*keys)[1].key, std::string(32, 'a'));
}

TEST(ParseMasterKeys, BadBase64NamesEntryWithoutKeyMaterial) {
    const auto keys = ParseMasterKeys("k1:" + kKeyA + ",k2:not*base64*", "SCS_MASTER_KEY");
    ASSERT_FALSE(keys);
    const std::string& msg = keys.error().message;
    EXPECT_NE(msg.find("SCS_MASTER_KEY"), std::string::npos) << msg;
    EXPECT_NE(msg.find("entry 2"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'k2'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("base64"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("not*base64*"), std::string::npos) << msg;
}

TEST(ParseMasterKeys, WrongLengthNamesSize) {
    const auto keys = ParseMasterKeys("short:" + Base64Encode(std::string(16, 'x')), "spec");
    ASSERT_FALSE(keys);
    EXPECT_NE(keys.error().message.find("16 bytes"), std::string::npos) << keys.error().message;
    EXPECT_NE(keys.error().message.find("32 bytes"), std::string::npos) << keys.error().message;
}

TEST(ParseMasterKeys, RejectsDuplicateIdsBadIdsAndEmptySpec) {
    EXPECT_FALSE(ParseMasterKeys(kKeyA + "," + kKeyB, "spec"));  // both "default"
    EXPECT_FALSE(ParseMasterKeys("k1:" + kKeyA + ",k1:" + kKeyB, "spec"));
    EXPECT_FALSE(ParseMasterKeys("bad id:" + kKeyA, "spec"));
    EXPECT_FALSE(ParseMasterKeys(":" + kKeyA, "spec"));
    EXPECT_FALSE(ParseMasterKeys(" , \n", "spec"));
}

std::vector<std::string> FileNames(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    return names;
}

TEST(LoadMasterKeys, CreatesPrivateKeyFileWithParentDirs) {
    const testing::TempDir tmp;
    const fs::path data_dir = tmp.Path() / "data" / "nested";
    const auto keys = LoadMasterKeys("", data_dir);
    ASSERT_TRUE(keys) << keys.error().message;
    ASSERT_EQ(keys->size(), 1U);
    EXPECT_EQ((*keys)[0].key.size(), 32U);
    ASSERT_TRUE(fs::exists(data_dir / "master.key"));
    EXPECT_EQ(ModeOf(data_dir / "master.key"), 0600U);
    // Only the key file: the temporary file it was published from is gone.
    EXPECT_EQ(FileNames(data_dir), std::vector<std::string>{"master.key"});
}

TEST(LoadMasterKeys, ReusesTheKeyFileOnSecondLoad) {
    const testing::TempDir tmp;
    const auto first = LoadMasterKeys("", tmp.Path());
    const auto second = LoadMasterKeys("", tmp.Path());
    ASSERT_TRUE(first && second);
    ASSERT_EQ(second->size(), 1U);
    EXPECT_EQ((*second)[0].id, (*first)[0].id);
    EXPECT_EQ((*second)[0].key, (*first)[0].key);
}

TEST(LoadMasterKeys, SpecWinsOverKeyFile) {
    const testing::TempDir tmp;
    const auto keys = LoadMasterKeys("k9:" + kKeyB, tmp.Path());
    ASSERT_TRUE(keys);
    EXPECT_EQ((*keys)[0].id, "k9");
    EXPECT_FALSE(fs::exists(tmp.Path() / "master.key"));
}

TEST(LoadMasterKeys, ReadsExistingFileWithRotation) {
    const testing::TempDir tmp;
    WriteFile(tmp.Path() / "master.key",
              "new:" + kKeyB + "\nold:" + kKeyA + "\n",
              fs::perms::owner_read | fs::perms::owner_write);
    const auto keys = LoadMasterKeys("", tmp.Path());
    ASSERT_TRUE(keys) << keys.error().message;
    ASSERT_EQ(keys->size(), 2U);
    EXPECT_EQ((*keys)[0].id, "new");
    EXPECT_EQ((*keys)[1].id, "old");
}

TEST(LoadMasterKeys, RefusesKeyFileReadableByOthers) {
    const testing::TempDir tmp;
    const fs::path file = tmp.Path() / "master.key";
    WriteFile(file,
              kKeyA,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);
    const auto keys = LoadMasterKeys("", tmp.Path());
    ASSERT_FALSE(keys);
    EXPECT_NE(keys.error().message.find("0644"), std::string::npos) << keys.error().message;
    EXPECT_NE(keys.error().message.find("chmod 600"), std::string::npos) << keys.error().message;
    EXPECT_EQ(keys.error().message.find(kKeyA), std::string::npos);
}

TEST(LoadMasterKeys, BadKeyFileNamesThePath) {
    const testing::TempDir tmp;
    WriteFile(
        tmp.Path() / "master.key", "garbage!", fs::perms::owner_read | fs::perms::owner_write);
    const auto keys = LoadMasterKeys("", tmp.Path());
    ASSERT_FALSE(keys);
    EXPECT_NE(keys.error().message.find("master.key"), std::string::npos) << keys.error().message;
}

}  // namespace
}  // namespace scs
