/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `warden cell linux`: the arm64 Image header (the kernel's boot protocol,
 * Documentation/arm64/booting.rst of Linux) and where the kernel, its DTB
 * and the initramfs go in the cell's RAM. Pure functions, host-tested.
 */
#ifndef WARDEN_LINUX_IMAGE_H
#define WARDEN_LINUX_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include <warden/config.h>

#define LINUX_ALIGN 0x200000ull /* the kernel's 2 MiB base alignment */
#define LINUX_DTB_MAX 0x200000ull /* the boot protocol's DTB limit */
/* RAM left free after kernel, DTB and initramfs: below it, no boot. */
#define LINUX_MIN_FREE 0x1000000ull

struct linux_image {
	uint64_t text_offset; /* from the 2 MiB aligned base */
	uint64_t image_size; /* bytes the kernel takes, its .bss included */
};

/* The cell's RAM the kernel boots in (guest-physical). */
struct linux_ram {
	uint64_t base, size;
	unsigned int index; /* in the config's mem[] */
};

/* Guest-physical addresses of what is loaded; end = first free byte. */
struct linux_layout {
	uint64_t kernel, dtb, initrd, end;
};

/*
 * Reads an arm64 Image header. Returns 0, or -1 with *why set: not an
 * Image, big-endian, an old kernel without image_size, a text_offset
 * off a page, a file longer than the image_size it declares.
 */
int linux_image_parse(const void *data, size_t size, struct linux_image *img,
		      const char **why);

/*
 * The cell's largest LOADABLE, executable RAM region that is neither
 * IO, SHARED nor the comm page. Returns -1 if there is none.
 */
int linux_ram_of(const struct wd_cell *cell, struct linux_ram *ram);

/*
 * Kernel at the first 2 MiB boundary of ram plus text_offset, the DTB at
 * the next 2 MiB boundary after image_size, the initramfs on the page
 * after the DTB. Returns 0, or -1 with *why set when that and
 * LINUX_MIN_FREE do not fit in ram.
 */
int linux_layout(const struct linux_image *img, const struct linux_ram *ram,
		 uint64_t dtb_size, uint64_t initrd_size,
		 struct linux_layout *out, const char **why);

#endif
