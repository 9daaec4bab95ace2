// SPDX-License-Identifier: GPL-2.0
/* The arm64 Image header and the load layout: see linux_image.h. */
#include <string.h>

#include <wd/config_check.h>

#include "linux_image.h"

#define IMAGE_MAGIC 0x644d5241u /* "ARM\x64", little-endian, at byte 56 */
#define IMAGE_HEADER_SIZE 64
#define FLAG_BIG_ENDIAN 1ull
#define PAGE 0x1000ull

/* The header is little-endian whatever the host's order. */
static uint64_t le(const unsigned char *p, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = (v << 8) | p[bytes];
	return v;
}

int linux_image_parse(const void *data, size_t size, struct linux_image *img,
		      const char **why)
{
	const unsigned char *h = data;

	*why = NULL;
	if (size < IMAGE_HEADER_SIZE || le(h + 56, 4) != IMAGE_MAGIC)
		*why = "not an arm64 Linux Image (no \"ARM\\x64\" magic)";
	else if (le(h + 24, 8) & FLAG_BIG_ENDIAN)
		*why = "a big-endian kernel";
	else if (!le(h + 16, 8))
		*why = "image_size is 0 (a kernel older than 3.17)";
	else if (le(h + 8, 8) & (PAGE - 1) || le(h + 8, 8) >= LINUX_ALIGN)
		*why = "text_offset is not a page inside 2 MiB";
	else if (size > le(h + 16, 8))
		*why = "the file is larger than the image_size it declares";
	if (*why)
		return -1;
	img->text_offset = le(h + 8, 8);
	img->image_size = le(h + 16, 8);
	return 0;
}

static int is_linux_ram(uint32_t flags)
{
	uint32_t need = WD_MEM_LOADABLE | WD_MEM_EXEC | WD_MEM_WRITE;
	uint32_t not = WD_MEM_IO | WD_MEM_SHARED | WD_MEM_COMM;

	return (flags & need) == need && !(flags & not );
}

int linux_ram_of(const struct wd_cell *cell, struct linux_ram *ram)
{
	const struct wd_mem_region *m = wd_cell_mem(cell);
	unsigned int i;
	int found = -1;

	for (i = 0; i < cell->num_mem_regions; i++) {
		if (!is_linux_ram(m[i].flags) ||
		    (found >= 0 && m[i].size <= ram->size))
			continue;
		ram->base = m[i].virt_start;
		ram->size = m[i].size;
		ram->index = i;
		found = 0;
	}
	return found;
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/*
 * Sizes come from files (each below IMAGE_MAX_SIZE, 256 MiB) and the
 * RAM from a checked config (inside 48 bits): no sum below can wrap.
 */
int linux_layout(const struct linux_image *img, const struct linux_ram *ram,
		 uint64_t dtb_size, uint64_t initrd_size,
		 struct linux_layout *out, const char **why)
{
	uint64_t ram_end = ram->base + ram->size;

	out->kernel = align_up(ram->base, LINUX_ALIGN) + img->text_offset;
	out->dtb = align_up(out->kernel + img->image_size, LINUX_ALIGN);
	out->initrd = align_up(out->dtb + dtb_size, PAGE);
	out->end = align_up(out->initrd + initrd_size, PAGE);
	*why = NULL;
	if (dtb_size > LINUX_DTB_MAX)
		*why = "the DTB is larger than 2 MiB";
	else if (out->dtb > ram_end)
		*why = "the kernel does not fit in the cell's RAM";
	else if (out->end > ram_end)
		*why = "kernel, DTB and initramfs do not fit in the cell's RAM";
	else if (ram_end - out->end < LINUX_MIN_FREE)
		*why = "less than 16 MiB of the cell's RAM would stay free";
	return *why ? -1 : 0;
}
