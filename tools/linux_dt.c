// SPDX-License-Identifier: GPL-2.0
/*
 * The device tree of a Linux cell, from its config (linux_dt.h). Only
 * what the cell owns is described: its RAM, its CPUs (PSCI by SMC, which
 * Warden answers), the GIC frames Warden shows it, the timer, its
 * devices and /chosen. Trust: both configs passed the checker; names
 * and sizes are bounded by it.
 */
#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include <wd/config_check.h>

#include "linux_dt.h"

#define GIC_PHANDLE 1
#define CLOCK_PHANDLE 2
#define GICD_SIZE 0x10000
#define GICC_SIZE 0x2000
#define GICR_STRIDE 0x20000
#define VIRTIO_SLOT 0x200 /* QEMU virt's virtio-mmio transports */
#define IRQ_SPI 0
#define IRQ_PPI 1
#define IRQ_EDGE 1
#define IRQ_LEVEL 4

/* libfdt's first error sticks; later calls do nothing. */
struct dt {
	void *fdt;
	int err;
	const struct linux_dt_args *a;
};

static int node(struct dt *d, int parent, const char *fmt, uint64_t unit)
{
	char name[48];
	int n;

	if (d->err)
		return -1;
	snprintf(name, sizeof(name), fmt, (unsigned long long)unit);
	n = fdt_add_subnode(d->fdt, parent, name);
	if (n < 0)
		d->err = n;
	return n;
}

static void prop(struct dt *d, int n, const char *name, const void *v, int len)
{
	if (!d->err)
		d->err = fdt_setprop(d->fdt, n, name, v, len);
}

static void prop_str(struct dt *d, int n, const char *name, const char *s)
{
	prop(d, n, name, s, (int)strlen(s) + 1);
}

/* Cells of 32 bits, big-endian in the tree. */
static void prop_cells(struct dt *d, int n, const char *name, const uint32_t *v,
		       unsigned int count)
{
	fdt32_t be[16];
	unsigned int i;

	for (i = 0; i < count && i < 16; i++)
		be[i] = cpu_to_fdt32(v[i]);
	prop(d, n, name, be, (int)(i * sizeof(be[0])));
}

static void prop_u32(struct dt *d, int n, const char *name, uint32_t v)
{
	prop_cells(d, n, name, &v, 1);
}

/* reg = <addr size> with 2 cells each. */
static void prop_reg(struct dt *d, int n, uint64_t addr, uint64_t size)
{
	uint32_t r[4] = {(uint32_t)(addr >> 32), (uint32_t)addr,
			 (uint32_t)(size >> 32), (uint32_t)size};

	prop_cells(d, n, "reg", r, 4);
}

static void prop_spi(struct dt *d, int n, uint32_t intid, uint32_t type)
{
	uint32_t irq[3] = {IRQ_SPI, intid - 32, type};

	prop_cells(d, n, "interrupts", irq, 3);
}

static int is_ram(uint32_t flags)
{
	return !(flags & (WD_MEM_IO | WD_MEM_COMM | WD_MEM_SHARED));
}

/* One memory node per RAM region, coloured or not (its IPAs are flat). */
static void add_memory(struct dt *d)
{
	const struct wd_mem_region *m = wd_cell_mem(d->a->cell);
	unsigned int i;
	int n;

	for (i = 0; i < d->a->cell->num_mem_regions; i++) {
		if (!is_ram(m[i].flags))
			continue;
		n = node(d, 0, "memory@%llx", m[i].virt_start);
		prop_str(d, n, "device_type", "memory");
		prop_reg(d, n, m[i].virt_start, m[i].size);
	}
}

static uint64_t mpidr_of(const struct dt *d, unsigned int cpu)
{
	return d->a->sys->platform.arm64.mpidr[cpu] & 0xff00ffffffull;
}

static void add_cpu(struct dt *d, int cpus, unsigned int cpu, int wide)
{
	uint64_t mpidr = mpidr_of(d, cpu);
	uint32_t reg[2] = {(uint32_t)(mpidr >> 32), (uint32_t)mpidr};
	int n = node(d, cpus, "cpu@%llx", mpidr);

	prop_str(d, n, "device_type", "cpu");
	prop_str(d, n, "compatible", "arm,armv8");
	prop_str(d, n, "enable-method", "psci");
	prop_cells(d, n, "reg", wide ? reg : reg + 1, wide ? 2 : 1);
}

/* The cell's CPUs in logical order: the boot CPU (lowest) first. */
static void add_cpus(struct dt *d)
{
	uint64_t set = d->a->cell->cpu_set;
	unsigned int cpu;
	int wide = 0, cpus = node(d, 0, "cpus", 0);

	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((set >> cpu) & 1 && mpidr_of(d, cpu) >> 32)
			wide = 1; /* Aff3 needs two address cells */
	prop_u32(d, cpus, "#address-cells", wide ? 2 : 1);
	prop_u32(d, cpus, "#size-cells", 0);
	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++)
		if ((set >> cpu) & 1)
			add_cpu(d, cpus, cpu, wide);
}

static void add_psci(struct dt *d)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2";
	int n = node(d, 0, "psci", 0);

	prop(d, n, "compatible", compat, sizeof(compat));
	prop_str(d, n, "method", "smc");
}

/* GICv2 PPIs name their target CPUs in the flags (a mask of 8). */
static uint32_t ppi_flags(const struct dt *d)
{
	unsigned int n =
		(unsigned int)__builtin_popcountll(d->a->cell->cpu_set);

	if (d->a->sys->platform.arm64.gic_version != WD_GIC_V2 || n > 8)
		return IRQ_LEVEL;
	return IRQ_LEVEL | (((1u << n) - 1) << 8);
}

/* Secure, non-secure physical, virtual, hypervisor timer PPIs. */
static void add_timer(struct dt *d)
{
	uint32_t f = ppi_flags(d);
	uint32_t irqs[12] = {IRQ_PPI, 13, f, IRQ_PPI, 14, f,
			     IRQ_PPI, 11, f, IRQ_PPI, 10, f};
	int n = node(d, 0, "timer", 0);

	prop_str(d, n, "compatible", "arm,armv8-timer");
	prop_cells(d, n, "interrupts", irqs, 12);
}

/*
 * The distributor and, on GICv3, every redistributor frame (Linux walks
 * them to find its own; Warden emulates what a cell reads there), or on
 * GICv2 the CPU interface (where Warden maps the virtual one).
 */
static void add_gic(struct dt *d)
{
	const struct wd_platform_arm64 *g = &d->a->sys->platform.arm64;
	int v3 = g->gic_version == WD_GIC_V3;
	uint64_t second = v3 ? g->gicr_base : g->gicc_base;
	uint64_t size2 =
		v3 ? (uint64_t)d->a->sys->platform.num_cpus * GICR_STRIDE
		   : GICC_SIZE;
	uint32_t reg[8] = {(uint32_t)(g->gicd_base >> 32),
			   (uint32_t)g->gicd_base,
			   0,
			   GICD_SIZE,
			   (uint32_t)(second >> 32),
			   (uint32_t)second,
			   (uint32_t)(size2 >> 32),
			   (uint32_t)size2};
	int n = node(d, 0, "interrupt-controller@%llx", g->gicd_base);

	prop_str(d, n, "compatible", v3 ? "arm,gic-v3" : "arm,cortex-a15-gic");
	prop(d, n, "interrupt-controller", NULL, 0);
	prop_u32(d, n, "#interrupt-cells", 3);
	prop_cells(d, n, "reg", reg, 8);
	prop_u32(d, n, "phandle", GIC_PHANDLE);
}

static int owns_irq(const struct wd_cell *c, uint32_t intid)
{
	const struct wd_device *dev = wd_cell_devices(c);
	const wd_u32 *irqs = wd_cell_irqs(c);
	unsigned int i;

	for (i = 0; i < c->num_devices; i++)
		if (dev[i].irq == intid)
			return 1;
	for (i = 0; i < c->num_irqs; i++)
		if (irqs[i] == intid)
			return 1;
	return 0;
}

/*
 * A virtio-mmio page holds several transports, one SPI each from the
 * device's irq up: a transport is described when the cell owns its SPI.
 */
static void add_virtio(struct dt *d, const struct wd_device *dev)
{
	uint64_t off;
	uint32_t intid;
	int n;

	for (off = 0; dev->irq && off < dev->mmio_size; off += VIRTIO_SLOT) {
		intid = dev->irq + (uint32_t)(off / VIRTIO_SLOT);
		if (!owns_irq(d->a->cell, intid))
			continue;
		n = node(d, 0, "virtio_mmio@%llx", dev->mmio_start + off);
		prop_str(d, n, "compatible", "virtio,mmio");
		prop_reg(d, n, dev->mmio_start + off, VIRTIO_SLOT);
		prop_spi(d, n, intid, IRQ_EDGE);
		prop(d, n, "dma-coherent", NULL, 0);
	}
}

/* PrimeCell devices need their bus clock: one fixed clock for all. */
static void add_clock(struct dt *d)
{
	int n;

	if (fdt_node_offset_by_phandle(d->fdt, CLOCK_PHANDLE) >= 0)
		return;
	n = node(d, 0, "apb-pclk", 0);
	prop_str(d, n, "compatible", "fixed-clock");
	prop_u32(d, n, "#clock-cells", 0);
	prop_u32(d, n, "clock-frequency", 24000000);
	prop_u32(d, n, "phandle", CLOCK_PHANDLE);
}

static void add_primecell(struct dt *d, const struct wd_device *dev, int uart)
{
	static const char uart_compat[] = "arm,pl011\0arm,primecell";
	static const char rtc_compat[] = "arm,pl031\0arm,primecell";
	static const char uart_clocks[] = "uartclk\0apb_pclk";
	uint32_t clocks[2] = {CLOCK_PHANDLE, CLOCK_PHANDLE};
	int n;

	add_clock(d);
	n = node(d, 0, uart ? "pl011@%llx" : "pl031@%llx", dev->mmio_start);
	if (uart)
		prop(d, n, "compatible", uart_compat, sizeof(uart_compat));
	else
		prop(d, n, "compatible", rtc_compat, sizeof(rtc_compat));
	prop_reg(d, n, dev->mmio_start, dev->mmio_size);
	if (dev->irq)
		prop_spi(d, n, dev->irq, IRQ_LEVEL);
	prop_cells(d, n, "clocks", clocks, uart ? 2 : 1);
	if (uart)
		prop(d, n, "clock-names", uart_clocks, sizeof(uart_clocks));
	else
		prop_str(d, n, "clock-names", "apb_pclk");
}

/* Any other device: its config name is its compatible string. */
static void add_generic(struct dt *d, const struct wd_device *dev)
{
	int n = node(d, 0, "device@%llx", dev->mmio_start);

	prop_str(d, n, "compatible", dev->name);
	prop_reg(d, n, dev->mmio_start, dev->mmio_size);
	if (dev->irq)
		prop_spi(d, n, dev->irq, IRQ_LEVEL);
}

static int name_is(const char *name, const char *prefix)
{
	return !strncmp(name, prefix, strlen(prefix));
}

int linux_dt_is_console(const char *name)
{
	return name_is(name, "virtio") || name_is(name, "pl011");
}

static void add_devices(struct dt *d)
{
	const struct wd_device *dev = wd_cell_devices(d->a->cell);
	unsigned int i;

	for (i = 0; i < d->a->cell->num_devices; i++) {
		if (name_is(dev[i].name, "virtio"))
			add_virtio(d, &dev[i]);
		else if (name_is(dev[i].name, "pl011"))
			add_primecell(d, &dev[i], 1);
		else if (name_is(dev[i].name, "pl031"))
			add_primecell(d, &dev[i], 0);
		else
			add_generic(d, &dev[i]);
	}
}

/*
 * One "warden,ivshmem" node per link (Documentation/vnet.md): its memory
 * at the cell's guest-physical address, its doorbell SPI (edge), its id.
 * warden-net.ko in the cell binds it. The checker made mem_index valid.
 */
static void add_links(struct dt *d)
{
	const struct wd_link *l = wd_cell_links(d->a->cell);
	const struct wd_mem_region *m = wd_cell_mem(d->a->cell);
	unsigned int i;
	int n;

	for (i = 0; i < d->a->cell->num_links; i++) {
		const struct wd_mem_region *r = &m[l[i].mem_index];

		n = node(d, 0, "warden-shm@%llx", r->virt_start);
		prop_str(d, n, "compatible", "warden,ivshmem");
		prop_reg(d, n, r->virt_start, r->size);
		prop_spi(d, n, l[i].doorbell_irq, IRQ_EDGE);
		prop_u32(d, n, "warden,link", l[i].id);
	}
}

/* /chosen: bootargs and the initramfs, replacing what was there. */
static void set_chosen(struct dt *d)
{
	int n = d->err ? -1 : fdt_path_offset(d->fdt, "/chosen");
	fdt64_t initrd[2] = {
		cpu_to_fdt64(d->a->initrd_start),
		cpu_to_fdt64(d->a->initrd_start + d->a->initrd_size)};

	if (n == -FDT_ERR_NOTFOUND)
		n = node(d, 0, "chosen", 0);
	else if (n < 0 && !d->err)
		d->err = n;
	if (d->a->bootargs)
		prop_str(d, n, "bootargs", d->a->bootargs);
	if (!d->a->initrd_size)
		return;
	prop(d, n, "linux,initrd-start", &initrd[0], sizeof(initrd[0]));
	prop(d, n, "linux,initrd-end", &initrd[1], sizeof(initrd[1]));
}

static int has_console(const struct wd_cell *c)
{
	const struct wd_device *dev = wd_cell_devices(c);
	unsigned int i;

	for (i = 0; i < c->num_devices; i++)
		if (linux_dt_is_console(dev[i].name))
			return 1;
	return 0;
}

static void add_root(struct dt *d)
{
	prop_u32(d, 0, "#address-cells", 2);
	prop_u32(d, 0, "#size-cells", 2);
	prop_str(d, 0, "compatible", "warden,linux-cell");
	prop_str(d, 0, "model", d->a->cell->name);
	prop_u32(d, 0, "interrupt-parent", GIC_PHANDLE);
}

int linux_dt_build(void *buf, size_t size, const struct linux_dt_args *a,
		   const char **why)
{
	struct dt d = {.fdt = buf, .a = a};

	*why = NULL;
	if (!has_console(a->cell)) {
		*why = "the cell has no console device (a virtio-mmio or "
		       "pl011 device)";
		return -1;
	}
	d.err = fdt_create_empty_tree(buf, (int)size);
	add_root(&d);
	set_chosen(&d);
	add_memory(&d);
	add_cpus(&d);
	add_psci(&d);
	add_gic(&d);
	add_timer(&d);
	add_devices(&d);
	add_links(&d);
	if (!d.err)
		d.err = fdt_pack(buf);
	if (d.err)
		*why = fdt_strerror(d.err);
	return d.err ? -1 : 0;
}

int linux_dt_adopt(void *buf, size_t size, const void *in, size_t in_size,
		   const struct linux_dt_args *a, const char **why)
{
	struct dt d = {.fdt = buf, .a = a};

	*why = NULL;
	if (in_size < sizeof(struct fdt_header) ||
	    fdt_check_full(in, in_size)) {
		*why = "not a flattened device tree (DTB)";
		return -1;
	}
	d.err = fdt_open_into(in, buf, (int)size);
	set_chosen(&d);
	if (!d.err)
		d.err = fdt_pack(buf);
	if (d.err)
		*why = fdt_strerror(d.err);
	return d.err ? -1 : 0;
}

size_t linux_dt_size(const void *tree)
{
	return fdt_totalsize(tree);
}
