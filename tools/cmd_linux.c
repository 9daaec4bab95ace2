// SPDX-License-Identifier: GPL-2.0
/*
 * `warden cell linux CELL.cell Image [-i INITRD] [-c CMDLINE] [-d DTB]
 * [-s SYSTEM.cell] [--dump-dtb FILE]`: creates a cell and boots a Linux
 * kernel in it (Documentation/linux-cell.md). Everything is read and
 * checked before the cell is created, so bad input changes nothing; a
 * step that fails after create destroys the cell again.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <warden/ioctl.h>
#include <wd/config_check.h>

#include "blob.h"
#include "check.h"
#include "device.h"
#include "linux_dt.h"
#include "linux_image.h"
#include "warden.h"

#define WARDEN_SYSTEM_ENV "WARDEN_SYSTEM"
#define WARDEN_SYSTEM_PATH "/sys/devices/virtual/misc/warden/system"

struct linux_args {
	const char *cell, *image, *initrd, *cmdline, *dtb, *system, *dump;
};

struct linux_files {
	struct blob cell, system, image, initrd, dtb;
	struct linux_layout at;
	unsigned char tree[LINUX_DT_SIZE];
	size_t tree_size;
};

static const char **option(struct linux_args *a, const char *opt)
{
	if (!strcmp(opt, "-i"))
		return &a->initrd;
	if (!strcmp(opt, "-c"))
		return &a->cmdline;
	if (!strcmp(opt, "-d"))
		return &a->dtb;
	if (!strcmp(opt, "-s"))
		return &a->system;
	if (!strcmp(opt, "--dump-dtb"))
		return &a->dump;
	return NULL;
}

/* Two positional arguments, each option once with a value, anywhere. */
static int parse(int argc, char **argv, struct linux_args *a)
{
	const char **slot;
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		slot = option(a, argv[i]);
		if (slot && (*slot || i + 1 == argc))
			return WARDEN_BAD_USAGE;
		if (slot)
			*slot = argv[++i];
		else if (n < 2 && argv[i][0] != '-')
			*(n++ ? &a->image : &a->cell) = argv[i];
		else
			return WARDEN_BAD_USAGE;
	}
	return n == 2 ? 0 : WARDEN_BAD_USAGE;
}

static int load(const char *path, size_t max, struct blob *b)
{
	return path ? blob_load(path, max, b) : 0;
}

static int load_all(const struct linux_args *a, struct linux_files *f)
{
	const char *sys =
		a->system ? a->system
			  : warden_path(WARDEN_SYSTEM_ENV, WARDEN_SYSTEM_PATH);

	if (load(sys, CONFIG_MAX_SIZE, &f->system))
		return -1;
	if (!f->system.size)
		return fail("%s is empty: Warden is not enabled (or give "
			    "-s SYSTEM.cell)",
			    sys);
	return load(a->cell, CONFIG_MAX_SIZE, &f->cell) ||
	       load(a->image, IMAGE_MAX_SIZE, &f->image) ||
	       load(a->initrd, IMAGE_MAX_SIZE, &f->initrd) ||
	       load(a->dtb, LINUX_DTB_MAX, &f->dtb);
}

static int make_tree(const struct linux_args *a, struct linux_files *f,
		     const struct linux_dt_args *dt)
{
	const char *why;
	int err = a->dtb ? linux_dt_adopt(f->tree, sizeof(f->tree), f->dtb.data,
					  f->dtb.size, dt, &why)
			 : linux_dt_build(f->tree, sizeof(f->tree), dt, &why);

	if (err)
		return fail("%s: %s", a->dtb ? a->dtb : a->cell, why);
	f->tree_size = linux_dt_size(f->tree);
	return 0;
}

/* The configs as the checker sees them, then the layout and the tree. */
static int prepare(const struct linux_args *a, struct linux_files *f)
{
	char *paths[1] = {(char *)a->cell};
	struct linux_image img;
	struct linux_ram ram;
	struct linux_dt_args dt = {.bootargs = a->cmdline,
				   .initrd_size = f->initrd.size};
	const char *why;

	if (check_configs(a->system ? a->system : "system", &f->system, paths,
			  &f->cell, 1))
		return fail("%s: not creating", a->cell);
	dt.sys = wd_config_system(f->system.data);
	dt.cell = wd_config_cell(f->cell.data);
	if (linux_image_parse(f->image.data, f->image.size, &img, &why))
		return fail("%s: %s", a->image, why);
	if (linux_ram_of(dt.cell, &ram))
		return fail("%s: no LOADABLE, executable RAM region", a->cell);
	/* The tree's size does not depend on the initrd's address. */
	if (make_tree(a, f, &dt))
		return WARDEN_FAIL;
	if (linux_layout(&img, &ram, f->tree_size, f->initrd.size, &f->at,
			 &why))
		return fail("%s: %s (0x%llx bytes from 0x%llx)", a->cell, why,
			    (unsigned long long)ram.size,
			    (unsigned long long)ram.base);
	dt.initrd_start = f->at.initrd;
	return make_tree(a, f, &dt);
}

static int dump(const char *path, const struct linux_files *f)
{
	FILE *out = fopen(path, "wb");
	int bad;

	if (!out)
		return fail("%s: cannot write", path);
	bad = fwrite(f->tree, 1, f->tree_size, out) != f->tree_size;
	bad |= fclose(out) != 0;
	return bad ? fail("%s: write failed", path) : WARDEN_OK;
}

static int load_into(const char *name, const void *data, size_t size,
		     uint64_t ipa)
{
	struct wd_ioc_cell_load l = {.ipa = ipa};

	strcpy(l.name, name);
	l.image.addr = (uintptr_t)data;
	l.image.size = size;
	return size ? warden_ioctl(WD_IOC_CELL_LOAD, &l, "cell load") : 0;
}

/* Create, load the three parts, boot; destroy again on a failure. */
static int boot(const struct linux_files *f)
{
	const struct wd_cell *c = wd_config_cell(f->cell.data);
	struct wd_ioc_buf buf = {(uintptr_t)f->cell.data, f->cell.size};
	struct wd_ioc_cell_boot b = {.entry = f->at.kernel, .arg = f->at.dtb};
	struct wd_ioc_cell_id id;
	int ret = warden_ioctl(WD_IOC_CELL_CREATE, &buf, "cell create");

	if (ret)
		return ret;
	strcpy(b.name, c->name); /* the checker bounded it */
	strcpy(id.name, c->name);
	ret = load_into(b.name, f->image.data, f->image.size, f->at.kernel);
	ret = ret ? ret : load_into(b.name, f->tree, f->tree_size, f->at.dtb);
	ret = ret ? ret
		  : load_into(b.name, f->initrd.data, f->initrd.size,
			      f->at.initrd);
	ret = ret ? ret : warden_ioctl(WD_IOC_CELL_BOOT, &b, "cell boot");
	if (ret && !warden_ioctl(WD_IOC_CELL_DESTROY, &id, "cell destroy"))
		fail("cell '%s' destroyed again", c->name);
	if (!ret)
		printf("cell '%s': kernel at 0x%llx, DTB at 0x%llx, initrd at "
		       "0x%llx (%zu bytes)\n",
		       c->name, (unsigned long long)f->at.kernel,
		       (unsigned long long)f->at.dtb,
		       (unsigned long long)f->at.initrd, f->initrd.size);
	return ret;
}

static void free_all(struct linux_files *f)
{
	blob_free(&f->cell);
	blob_free(&f->system);
	blob_free(&f->image);
	blob_free(&f->initrd);
	blob_free(&f->dtb);
}

int cmd_cell_linux(int argc, char **argv)
{
	static struct linux_files f;
	struct linux_args a = {0};
	int ret = parse(argc, argv, &a);

	if (ret)
		return ret;
	if (load_all(&a, &f))
		ret = WARDEN_INPUT;
	else if (prepare(&a, &f))
		ret = WARDEN_FAIL;
	else
		ret = a.dump ? dump(a.dump, &f) : boot(&f);
	free_all(&f);
	return ret;
}
