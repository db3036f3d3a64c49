#include "privatefiles.h"

#include <QDir>
#include <QFileInfo>

#include <memory>
#include <string>
#include <vector>

#include <windows.h>

#include <aclapi.h>

namespace Mostrador::PrivateFiles {

namespace {

struct LocalFreeDeleter
{
    void operator()(void *memory) const { LocalFree(memory); }
};
using LocalAcl = std::unique_ptr<ACL, LocalFreeDeleter>;

std::wstring nativePath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()).toStdWString();
}

// The security identifier of the user running Mostrador.
std::vector<BYTE> currentUserSid()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return {};
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<BYTE> buffer(size);
    const bool read = size > 0 && GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    CloseHandle(token);
    if (!read)
        return {};
    const PSID sid = reinterpret_cast<TOKEN_USER *>(buffer.data())->User.Sid;
    std::vector<BYTE> copy(GetLengthSid(sid));
    if (!CopySid(DWORD(copy.size()), copy.data(), sid))
        return {};
    return copy;
}

// One entry: full control for the user; a folder hands it down to the files and folders it holds.
LocalAcl ownerOnlyAcl(std::vector<BYTE> &sid, bool folder)
{
    EXPLICIT_ACCESS_W access = {};
    access.grfAccessPermissions = FILE_ALL_ACCESS;
    access.grfAccessMode = SET_ACCESS;
    access.grfInheritance = folder ? SUB_CONTAINERS_AND_OBJECTS_INHERIT : NO_INHERITANCE;
    access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
    access.Trustee.TrusteeType = TRUSTEE_IS_USER;
    access.Trustee.ptstrName = reinterpret_cast<LPWSTR>(sid.data());
    PACL acl = nullptr;
    if (SetEntriesInAclW(1, &access, nullptr, &acl) != ERROR_SUCCESS)
        return nullptr;
    return LocalAcl(acl);
}

// Replaces the path's access list by the owner's alone, inheriting nothing from its parent.
bool restrictToOwner(const QString &path, bool folder)
{
    std::vector<BYTE> sid = currentUserSid();
    if (sid.empty())
        return false;
    const LocalAcl acl = ownerOnlyAcl(sid, folder);
    if (!acl)
        return false;
    std::wstring native = nativePath(path);
    return SetNamedSecurityInfoW(native.data(), SE_FILE_OBJECT,
                                 DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr, nullptr,
                                 acl.get(), nullptr)
        == ERROR_SUCCESS;
}

} // namespace

bool secureFolder(const QString &folder)
{
    return QDir().mkpath(folder) && restrictToOwner(folder, true);
}

bool secureFile(const QString &path)
{
    return QFileInfo::exists(path) && restrictToOwner(path, false);
}

bool createPrivately(const QString &path)
{
    if (QFileInfo::exists(path))
        return secureFile(path);
    std::vector<BYTE> sid = currentUserSid();
    if (sid.empty())
        return false;
    const LocalAcl acl = ownerOnlyAcl(sid, false);
    SECURITY_DESCRIPTOR descriptor;
    if (!acl || !InitializeSecurityDescriptor(&descriptor, SECURITY_DESCRIPTOR_REVISION)
        || !SetSecurityDescriptorDacl(&descriptor, TRUE, acl.get(), FALSE)
        || !SetSecurityDescriptorControl(&descriptor, SE_DACL_PROTECTED, SE_DACL_PROTECTED)) {
        return false;
    }
    SECURITY_ATTRIBUTES attributes = {sizeof(SECURITY_ATTRIBUTES), &descriptor, FALSE};
    // The access list is the file's from its creation: it never exists with wider rights.
    const HANDLE file = CreateFileW(nativePath(path).c_str(), GENERIC_WRITE, 0, &attributes, CREATE_NEW,
                                    FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return false;
    CloseHandle(file);
    return true;
}

bool isOwnersAlone(const QString &path)
{
    if (!QFileInfo::exists(path))
        return false;
    std::vector<BYTE> sid = currentUserSid();
    PACL acl = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    std::wstring native = nativePath(path);
    if (sid.empty()
        || GetNamedSecurityInfoW(native.data(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &acl,
                                 nullptr, &descriptor)
            != ERROR_SUCCESS) {
        return false;
    }
    const std::unique_ptr<void, LocalFreeDeleter> owned(descriptor);
    SECURITY_DESCRIPTOR_CONTROL control = 0;
    DWORD revision = 0;
    if (!acl || !GetSecurityDescriptorControl(descriptor, &control, &revision) || !(control & SE_DACL_PROTECTED))
        return false;
    // Every entry that allows anything names the user running Mostrador.
    for (DWORD index = 0; index < acl->AceCount; ++index) {
        void *entry = nullptr;
        if (!GetAce(acl, index, &entry))
            return false;
        const auto *header = static_cast<ACE_HEADER *>(entry);
        if (header->AceType != ACCESS_ALLOWED_ACE_TYPE)
            continue;
        const auto *allowed = static_cast<ACCESS_ALLOWED_ACE *>(entry);
        if (!EqualSid(const_cast<DWORD *>(&allowed->SidStart), sid.data()))
            return false;
    }
    return acl->AceCount > 0;
}

} // namespace Mostrador::PrivateFiles
