/*
 * A qemu-user plugin that counts the guest's executed instructions exactly, into an 8-byte
 * file shared with whoever reads it: `-plugin countInstructions.so,out=<path>`.
 *
 * The count is kept in the file's own mapping, not printed at exit, so a harness can read it
 * at any point where the guest waits on the harness (an HTTP request in flight, a pipe): one
 * process start then gives the cost of each input, not only the total. The guest can read it
 * too, to bracket work of its own. Every translated block adds its instruction count when it
 * runs (an inline add, no call per block); the guest runs single-threaded (node
 * --single-threaded), so the plain, non-atomic add loses nothing.
 *
 * Built against the qemu-plugin.h of Debian's own qemu source (scripts/riscv64/prepare.sh),
 * which matches the installed qemu-user's plugin API.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static uint64_t *count;

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, count, qemu_plugin_tb_n_insns(tb));
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "out=", 4) == 0) path = argv[i] + 4;
    }
    if (path == NULL) {
        fprintf(stderr, "countInstructions: give the counter file, -plugin countInstructions.so,out=<path>\n");
        return -1;
    }
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ftruncate(fd, sizeof(uint64_t)) != 0) {
        perror("countInstructions: cannot create the counter file");
        return -1;
    }
    count = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (count == MAP_FAILED) {
        perror("countInstructions: cannot map the counter file");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    return 0;
}
