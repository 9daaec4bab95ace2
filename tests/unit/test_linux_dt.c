// SPDX-License-Identifier: GPL-2.0
/*
 * `warden cell linux` on the host: the arm64 Image header, the load
 * layout, the DMA checker rule, and the generated device tree parsed
 * back with libfdt (memory, CPUs, PSCI, GIC, timer, devices, chosen) for
 * GICv3, GICv2 and a coloured cell, a link's node; a user's DTB adopted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include <wd/config_check.h>

#include "builder.h"
#include "linux_dt.h"
#include "linux_image.h"

#define MiB 0x100000ull
#define VIRTIO_PAGE 0x0a003000ull
#define VIRTIO_IRQ 72u /* transport 24 */

static struct scenario s;
static unsigned char tree[LINUX_DT_SIZE];

/* An Image header: text_offset 0, image_size, little-endian, 4K pages. */
static void image_header(unsigned char *h, uint64_t image_size)
{
	unsigned int i;

	memset(h, 0, 64);
	for (i = 0; i < 8; i++)
		h[16 + i] = (unsigned char)(image_size >> (8 * i));
	h[24] = 0xa;
	memcpy(h + 56, "ARM\x64", 4);
}

static void image_parse(void **state)
{
	unsigned char h[64];
	struct linux_image img;
	const char *why;

	(void)state;
	image_header(h, 32 * MiB);
	assert_int_equal(linux_image_parse(h, sizeof(h), &img, &why), 0);
	assert_int_equal(img.image_size, 32 * MiB);
	assert_int_equal(img.text_offset, 0);
	assert_int_equal(linux_image_parse(h, 63, &img, &why), -1);
	assert_non_null(strstr(why, "not an arm64"));
	h[57] = 'X';
	assert_int_equal(linux_image_parse(h, 64, &img, &why), -1);
	image_header(h, 32 * MiB);
	h[24] |= 1; /* big-endian */
	assert_int_equal(linux_image_parse(h, 64, &img, &why), -1);
	assert_non_null(strstr(why, "big-endian"));
	image_header(h, 0);
	assert_int_equal(linux_image_parse(h, 64, &img, &why), -1);
	assert_non_null(strstr(why, "image_size"));
	image_header(h, 32);
	assert_int_equal(linux_image_parse(h, 64, &img, &why), -1);
	assert_non_null(strstr(why, "larger"));
	image_header(h, 32 * MiB);
	h[8] = 0x10; /* text_offset 16: not a page */
	assert_int_equal(linux_image_parse(h, 64, &img, &why), -1);
	assert_non_null(strstr(why, "text_offset"));
}

static void layout(void **state)
{
	struct linux_image img = {0x80000, 32 * MiB};
	struct linux_ram ram = {0x79000000 + 0x1000, 92 * MiB, 0};
	struct linux_layout at;
	const char *why;

	(void)state;
	assert_int_equal(linux_layout(&img, &ram, 0x3000, 3 * MiB, &at, &why),
			 0);
	assert_int_equal(at.kernel, 0x79200000 + 0x80000);
	assert_int_equal(at.dtb, 0x7b400000); /* 2 MiB after image_size */
	assert_int_equal(at.initrd, 0x7b403000);
	assert_int_equal(at.end, 0x7b403000 + 3 * MiB);
	/* the initramfs too large, then the kernel itself */
	assert_int_equal(linux_layout(&img, &ram, 0x3000, 60 * MiB, &at, &why),
			 -1);
	assert_non_null(strstr(why, "initramfs"));
	ram.size = 16 * MiB;
	assert_int_equal(linux_layout(&img, &ram, 0x3000, 0, &at, &why), -1);
	assert_non_null(strstr(why, "kernel does not fit"));
	/* fits, but less than 16 MiB would stay free */
	ram.size = 50 * MiB;
	assert_int_equal(linux_layout(&img, &ram, 0x3000, 0, &at, &why), -1);
	assert_non_null(strstr(why, "free"));
	ram.size = 92 * MiB;
	assert_int_equal(linux_layout(&img, &ram, 3 * MiB, 0, &at, &why), -1);
	assert_non_null(strstr(why, "2 MiB"));
}

/* The demo cell as a Linux cell: CPUs 1 and 2, a virtio-mmio page. */
static struct tb_cell *linux_cell(void)
{
	struct tb_cell *c = &s.cells[0];

	c->cell.cpu_set = 0x6;
	c->cell.flags = WD_CELL_GIC_IGNORE;
	tb_add_dev(c, "virtio-mmio", VIRTIO_PAGE, 0x1000, VIRTIO_IRQ);
	tb_add_irq(c, VIRTIO_IRQ + 7); /* transport 31 */
	return c;
}

static int setup(void **state)
{
	(void)state;
	tb_scenario_init(&s, WD_GIC_V3);
	return 0;
}

/* Builds the tree of cells[0] against the system; returns 0 or -1. */
static int build(const char *bootargs, uint64_t initrd, uint64_t size,
		 const char **why)
{
	struct tb_blob sys = tb_build_system(&s.system);
	struct tb_blob cell = tb_build_cell(&s.cells[0]);
	struct linux_dt_args a = {.sys = wd_config_system(sys.data),
				  .cell = wd_config_cell(cell.data),
				  .bootargs = bootargs,
				  .initrd_start = initrd,
				  .initrd_size = size};
	int ret;

	assert_int_equal(wd_check_cell(cell.data, cell.size, NULL), 0);
	ret = linux_dt_build(tree, sizeof(tree), &a, why);
	tb_blob_free(&sys);
	tb_blob_free(&cell);
	return ret;
}

static const void *get(const char *path, const char *name, int *len)
{
	int n = fdt_path_offset(tree, path);

	assert_true(n >= 0);
	return fdt_getprop(tree, n, name, len);
}

static uint32_t cell_at(const char *path, const char *name, int i)
{
	int len;
	const fdt32_t *p = get(path, name, &len);

	assert_non_null(p);
	assert_true((i + 1) * 4 <= len);
	return fdt32_to_cpu(p[i]);
}

static void str_is(const char *path, const char *name, const char *want)
{
	int len;
	const char *p = get(path, name, &len);

	assert_non_null(p);
	assert_string_equal(p, want);
}

static int count_cpus(void)
{
	int n, count = 0, cpus = fdt_path_offset(tree, "/cpus");

	fdt_for_each_subnode(n, tree, cpus) count++;
	return count;
}

static void dt_gicv3(void **state)
{
	const char *why;
	int len;

	(void)state;
	linux_cell();
	assert_int_equal(build("console=hvc0", 0x41000000, 0x200000, &why), 0);
	assert_int_equal(fdt_check_full(tree, fdt_totalsize(tree)), 0);
	str_is("/memory@40000000", "device_type", "memory");
	assert_int_equal(cell_at("/memory@40000000", "reg", 1), 0x40000000);
	assert_int_equal(cell_at("/memory@40000000", "reg", 3),
			 QEMU_VIRT_CELL_RAM_SIZE);
	assert_true(fdt_path_offset(tree, "/memory@80000000") < 0); /* comm */
	assert_int_equal(count_cpus(), 2);
	assert_int_equal(cell_at("/cpus/cpu@1", "reg", 0), 1);
	assert_int_equal(cell_at("/cpus/cpu@2", "reg", 0), 2);
	str_is("/cpus/cpu@2", "enable-method", "psci");
	str_is("/psci", "method", "smc");
	str_is("/interrupt-controller@8000000", "compatible", "arm,gic-v3");
	assert_int_equal(cell_at("/interrupt-controller@8000000", "reg", 5),
			 QEMU_VIRT_GICR_BASE);
	assert_int_equal(cell_at("/timer", "interrupts", 7), 11); /* virt */
	assert_int_equal(cell_at("/timer", "interrupts", 8), 4);
	/* transports 24 (the device's irq) and 31 (irqs[]), not 25..30 */
	assert_int_equal(cell_at("/virtio_mmio@a003000", "interrupts", 1),
			 VIRTIO_IRQ - 32);
	assert_int_equal(cell_at("/virtio_mmio@a003e00", "interrupts", 1),
			 VIRTIO_IRQ + 7 - 32);
	assert_true(fdt_path_offset(tree, "/virtio_mmio@a003200") < 0);
	str_is("/chosen", "bootargs", "console=hvc0");
	assert_int_equal(cell_at("/chosen", "linux,initrd-start", 1),
			 0x41000000);
	assert_int_equal(cell_at("/chosen", "linux,initrd-end", 1), 0x41200000);
	assert_null(get("/", "#redistributor-regions", &len));
}

static void dt_gicv2(void **state)
{
	const char *why;

	(void)state;
	tb_scenario_init(&s, WD_GIC_V2);
	linux_cell();
	assert_int_equal(build(NULL, 0, 0, &why), 0);
	str_is("/interrupt-controller@8000000", "compatible",
	       "arm,cortex-a15-gic");
	assert_int_equal(cell_at("/interrupt-controller@8000000", "reg", 5),
			 QEMU_VIRT_GICC_BASE);
	/* PPIs for the cell's 2 CPUs: mask 0x3 in the flags */
	assert_int_equal(cell_at("/timer", "interrupts", 8), 0x304);
	assert_true(fdt_path_offset(tree, "/chosen") >= 0);
	assert_true(fdt_path_offset(tree, "/chosen") >= 0 &&
		    !get("/chosen", "linux,initrd-start", NULL));
}

/* Coloured RAM is one flat range of guest-physical addresses. */
static void dt_coloured(void **state)
{
	const char *why;

	(void)state;
	linux_cell();
	s.cells[0].cell.colours = 0xf;
	assert_int_equal(build(NULL, 0, 0, &why), 0);
	assert_int_equal(cell_at("/memory@40000000", "reg", 3),
			 QEMU_VIRT_CELL_RAM_SIZE);
}

static void dt_needs_console(void **state)
{
	const char *why;

	(void)state;
	assert_int_equal(build(NULL, 0, 0, &why), -1);
	assert_non_null(strstr(why, "no console"));
	tb_add_dev(&s.cells[0], "pl011", 0x09000000, 0x1000, 33);
	assert_int_equal(build(NULL, 0, 0, &why), 0);
	str_is("/pl011@9000000", "compatible", "arm,pl011");
	assert_true(fdt_path_offset(tree, "/apb-pclk") >= 0);
}

/* A user's DTB: /chosen replaced, the rest kept; garbage refused. */
static void dt_adopt(void **state)
{
	static unsigned char user[LINUX_DT_SIZE], out[LINUX_DT_SIZE];
	struct linux_dt_args a = {.bootargs = "root=/dev/vda",
				  .initrd_start = 0x42000000,
				  .initrd_size = 0x1000};
	const char *why;

	(void)state;
	linux_cell();
	assert_int_equal(build("old", 0, 0, &why), 0);
	memcpy(user, tree, sizeof(user));
	assert_int_equal(linux_dt_adopt(out, sizeof(out), user,
					fdt_totalsize(user), &a, &why),
			 0);
	memcpy(tree, out, sizeof(tree));
	str_is("/chosen", "bootargs", "root=/dev/vda");
	assert_int_equal(cell_at("/chosen", "linux,initrd-end", 1), 0x42001000);
	assert_int_equal(count_cpus(), 2);
	memset(user, 0x5a, 256);
	assert_int_equal(linux_dt_adopt(out, sizeof(out), user, 256, &a, &why),
			 -1);
	assert_non_null(strstr(why, "not a flattened device tree"));
	assert_int_equal(linux_dt_adopt(out, sizeof(out), user, 8, &a, &why),
			 -1);
}

/* A link: a "warden,ivshmem" node for warden-net, not a memory node. */
static void dt_link(void **state)
{
	struct tb_cell *c = linux_cell();
	const char *why;
	unsigned int m;

	(void)state;
	m = tb_add_mem(c, QEMU_VIRT_LINK3_MEM, 0x50000000, QEMU_VIRT_LINK_SIZE,
		       WD_MEM_READ | WD_MEM_WRITE | WD_MEM_SHARED);
	tb_add_link(c, 3, m, QEMU_VIRT_DOORBELL_NET_LINUX);
	tb_add_irq(c, QEMU_VIRT_DOORBELL_NET_LINUX);
	assert_int_equal(build(NULL, 0, 0, &why), 0);
	assert_int_equal(fdt_check_full(tree, fdt_totalsize(tree)), 0);
	assert_true(fdt_path_offset(tree, "/memory@50000000") < 0);
	str_is("/warden-shm@50000000", "compatible", "warden,ivshmem");
	assert_int_equal(cell_at("/warden-shm@50000000", "reg", 1), 0x50000000);
	assert_int_equal(cell_at("/warden-shm@50000000", "reg", 3),
			 QEMU_VIRT_LINK_SIZE);
	assert_int_equal(cell_at("/warden-shm@50000000", "interrupts", 1),
			 QEMU_VIRT_DOORBELL_NET_LINUX - 32);
	assert_int_equal(cell_at("/warden-shm@50000000", "interrupts", 2), 1);
	assert_int_equal(cell_at("/warden-shm@50000000", "warden,link", 0), 3);
}

/* The DMA rule: identity-mapped, uncoloured RAM only. */
static void dma_rule(void **state)
{
	struct tb_cell *c = linux_cell();
	struct tb_blob b;

	(void)state;
	c->dev[0].flags = WD_DEV_DMA;
	b = tb_build_cell(c);
	assert_int_equal(wd_check_cell(b.data, b.size, NULL), -WD_EINVAL);
	tb_blob_free(&b);
	c->cell.num_mem_regions = 1; /* no comm page */
	c->mem[0].virt_start = c->mem[0].phys_start;
	c->cell.entry = c->mem[0].phys_start;
	b = tb_build_cell(c);
	assert_int_equal(wd_check_cell(b.data, b.size, NULL), 0);
	tb_blob_free(&b);
	c->cell.colours = 0xf;
	b = tb_build_cell(c);
	assert_int_equal(wd_check_cell(b.data, b.size, NULL), -WD_EINVAL);
	tb_blob_free(&b);
	c->cell.colours = 0;
	c->dev[0].flags = 4; /* unknown */
	b = tb_build_cell(c);
	assert_int_equal(wd_check_cell(b.data, b.size, NULL), -WD_EINVAL);
	tb_blob_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(image_parse),
		cmocka_unit_test(layout),
		cmocka_unit_test_setup(dt_gicv3, setup),
		cmocka_unit_test_setup(dt_gicv2, setup),
		cmocka_unit_test_setup(dt_coloured, setup),
		cmocka_unit_test_setup(dt_needs_console, setup),
		cmocka_unit_test_setup(dt_adopt, setup),
		cmocka_unit_test_setup(dma_rule, setup),
		cmocka_unit_test_setup(dt_link, setup),
	};

	return cmocka_run_group_tests_name("linux_dt", tests, NULL, NULL);
}
