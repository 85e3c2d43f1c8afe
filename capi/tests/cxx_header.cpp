// xbzrle.h compiled as C++ (-std=c++11 and later, -Wall -Wextra -Werror -pedantic) and
// linked: the extern "C" block, the enums and the prototypes work from C++.
#include <xbzrle.h>

#include <cstdio>
#include <cstring>
#include <vector>

int main()
{
    std::vector<uint8_t> old_page(4096, 0), new_page(4096, 0), out(4096);
    new_page[1000] = 0x2a;
    size_t n = 0;
    xbzrle_status st = xbzrle_encode(old_page.data(), old_page.size(), new_page.data(),
                                     new_page.size(), out.data(), out.size(), &n);
    int qemu = xbzrle_encode_buffer(old_page.data(), new_page.data(), 4096, out.data(), 4096);
    size_t pos = 0;
    xbzrle_status dec = xbzrle_decode(out.data(), n, old_page.data(), old_page.size(), &pos);
    bool ok = st == XBZRLE_OK && n == 4 && qemu == 4 && dec == XBZRLE_OK && pos == 1001 &&
              old_page == new_page && xbzrle_version() == XBZRLE_VERSION &&
              xbzrle_kernel_is_available(XBZRLE_KERNEL_SCALAR) == 1 &&
              std::strcmp(xbzrle_strerror(XBZRLE_ERR_OVERFLOW), "encoding overflow: the delta "
                          "does not fit in the output buffer") == 0;
    std::printf("cxx_header: %s (libxbzrle %s)\n", ok ? "ok" : "FAILED", xbzrle_version_string());
    return ok ? 0 : 1;
}
