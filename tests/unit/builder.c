// SPDX-License-Identifier: GPL-2.0
/* Scenario builder for the checker's unit tests: see builder.h. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"

static void platform_init(struct wd_platform *p, unsigned int gic_version)
{
	unsigned int cpu;

	p->arm64.gic_version = gic_version;
	p->num_cpus = QEMU_VIRT_NUM_CPUS;
	p->arm64.gicd_base = TB_GICD;
	if (gic_version == WD_GIC_V2) {
		p->arm64.gicc_base = QEMU_VIRT_GICC_BASE;
		p->arm64.gich_base = QEMU_VIRT_GICH_BASE;
		p->arm64.gicv_base = QEMU_VIRT_GICV_BASE;
	} else {
		p->arm64.gicr_base = TB_GICR;
	}
	p->arm64.num_irqs = QEMU_VIRT_NUM_IRQS;
	p->arm64.maint_irq = QEMU_VIRT_MAINT_IRQ;
	p->arm64.features = WD_ARM64_AARCH32_EL1; /* as the shipped configs */
	for (cpu = 0; cpu < p->num_cpus; cpu++)
		p->arm64.mpidr[cpu] = cpu;
}

/* The root of configs/arm64/qemu-virt-common.h, minus any GIC frame. */
static void root_init(struct tb_cell *root)
{
	strcpy(root->cell.name, "root");
	root->cell.cpu_set = 0xf;
	tb_add_mem(root, TB_RAM, TB_RAM, TB_POOL - TB_RAM, TB_RWX);
	tb_add_mem(root, QEMU_VIRT_FLASH_BASE, QEMU_VIRT_FLASH_BASE,
		   QEMU_VIRT_FLASH_SIZE, TB_RW | WD_MEM_IO);
	tb_add_mem(root, QEMU_VIRT_UART_BASE, QEMU_VIRT_UART_BASE,
		   QEMU_VIRT_PCIE_BASE - QEMU_VIRT_UART_BASE,
		   TB_RW | WD_MEM_IO);
	tb_add_mem(root, QEMU_VIRT_PCIE_BASE, QEMU_VIRT_PCIE_BASE,
		   QEMU_VIRT_RAM_BASE - QEMU_VIRT_PCIE_BASE, TB_RW | WD_MEM_IO);
}

static void system_init(struct tb_system *s, unsigned int gic_version)
{
	s->sys.hypervisor = (struct wd_range){TB_HV, TB_HV_SIZE};
	s->sys.cell_pool = (struct wd_range){TB_POOL, TB_POOL_SIZE};
	s->sys.ram = (struct wd_range){TB_RAM, TB_RAM_SIZE};
	s->sys.console.phys = QEMU_VIRT_UART_BASE;
	s->sys.console.type = WD_CONSOLE_PL011;
	platform_init(&s->sys.platform, gic_version);
	root_init(&s->root);
}

static void cell_init(struct tb_cell *c, const char *name, unsigned int cpu,
		      wd_u64 ram, wd_u64 comm)
{
	strcpy(c->cell.name, name);
	c->cell.cpu_set = 1ull << cpu;
	c->cell.entry = QEMU_VIRT_GUEST_RAM;
	tb_add_mem(c, ram, QEMU_VIRT_GUEST_RAM, QEMU_VIRT_CELL_RAM_SIZE,
		   TB_RWX | WD_MEM_LOADABLE);
	tb_add_mem(c, comm, QEMU_VIRT_GUEST_COMM, WD_PAGE_SIZE,
		   TB_RW | WD_MEM_COMM);
}

void tb_scenario_init(struct scenario *s, unsigned int gic_version)
{
	memset(s, 0, sizeof(*s));
	system_init(&s->system, gic_version);
	cell_init(&s->cells[0], "demo", 3, QEMU_VIRT_CELL_RAM0,
		  QEMU_VIRT_CELL_COMM0);
	s->num_cells = 1;
}

unsigned int tb_add_cell2(struct scenario *s)
{
	assert(s->num_cells < TB_MAX_CELLS);
	cell_init(&s->cells[s->num_cells], "cell2", 2, QEMU_VIRT_CELL_RAM1,
		  QEMU_VIRT_CELL_COMM1);
	return s->num_cells++;
}

unsigned int tb_add_mem(struct tb_cell *c, wd_u64 phys, wd_u64 virt,
			wd_u64 size, wd_u32 flags)
{
	unsigned int i = c->cell.num_mem_regions++;

	assert(i < WD_MAX_MEM_REGIONS);
	c->mem[i] = (struct wd_mem_region){.phys_start = phys,
					   .virt_start = virt,
					   .size = size,
					   .flags = flags};
	return i;
}

unsigned int tb_add_dev(struct tb_cell *c, const char *name, wd_u64 mmio,
			wd_u64 size, wd_u32 irq)
{
	unsigned int i = c->cell.num_devices++;

	assert(i < WD_MAX_DEVICES && strlen(name) < sizeof(c->dev[i].name));
	memset(&c->dev[i], 0, sizeof(c->dev[i]));
	strcpy(c->dev[i].name, name);
	c->dev[i].mmio_start = mmio;
	c->dev[i].mmio_size = size;
	c->dev[i].irq = irq;
	return i;
}

unsigned int tb_add_irq(struct tb_cell *c, wd_u32 intid)
{
	unsigned int i = c->cell.num_irqs++;

	assert(i < WD_MAX_IRQS);
	c->irqs[i] = intid;
	return i;
}

unsigned int tb_add_link(struct tb_cell *c, wd_u32 id, wd_u32 mem_index,
			 wd_u32 doorbell_irq)
{
	unsigned int i = c->cell.num_links++;

	assert(i < WD_MAX_LINKS);
	c->links[i] = (struct wd_link){
		.id = id, .mem_index = mem_index, .doorbell_irq = doorbell_irq};
	return i;
}

unsigned int tb_add_stream(struct tb_cell *c, wd_u32 id, wd_u32 device)
{
	unsigned int i = c->cell.num_streams++;

	assert(i < WD_MAX_STREAMS);
	c->streams[i] = (struct wd_stream){.id = id, .device = device};
	return i;
}

static char *put(char *p, const void *src, size_t size)
{
	memcpy(p, src, size);
	return p + size;
}

/* Writes the cell descriptor and the arrays its counts announce. */
static char *put_cell(char *p, const struct tb_cell *c)
{
	p = put(p, &c->cell, sizeof(c->cell));
	p = put(p, c->mem, c->cell.num_mem_regions * sizeof(c->mem[0]));
	p = put(p, c->dev, c->cell.num_devices * sizeof(c->dev[0]));
	if (c->cell.flags & WD_CELL_RT_TASKSET)
		p = put(p, &c->rt, sizeof(c->rt));
	p = put(p, c->links, c->cell.num_links * sizeof(c->links[0]));
	p = put(p, c->streams, c->cell.num_streams * sizeof(c->streams[0]));
	return put(p, c->irqs, c->cell.num_irqs * sizeof(c->irqs[0]));
}

static size_t cell_size(const struct tb_cell *c)
{
	return sizeof(c->cell) +
	       c->cell.num_mem_regions * sizeof(struct wd_mem_region) +
	       c->cell.num_devices * sizeof(struct wd_device) +
	       (c->cell.flags & WD_CELL_RT_TASKSET ? sizeof(c->rt) : 0) +
	       c->cell.num_links * sizeof(struct wd_link) +
	       c->cell.num_streams * sizeof(struct wd_stream) +
	       c->cell.num_irqs * sizeof(wd_u32);
}

/* Like the C configs: the struct is padded to 8 bytes. */
static struct tb_blob blob_alloc(unsigned int kind, size_t payload)
{
	struct tb_blob b;
	struct wd_header hdr = {.magic = WD_CONFIG_MAGIC,
				.revision = WD_CONFIG_REVISION,
				.kind = kind,
				.arch = WD_ARCH_ARM64};

	b.size = (sizeof(hdr) + payload + 7) & ~(size_t)7;
	b.data = calloc(1, b.size);
	assert(b.data);
	hdr.total_size = b.size;
	memcpy(b.data, &hdr, sizeof(hdr));
	return b;
}

struct tb_blob tb_build_system(const struct tb_system *s)
{
	struct tb_blob b = blob_alloc(WD_KIND_SYSTEM,
				      sizeof(s->sys) + cell_size(&s->root));
	char *p = (char *)b.data + sizeof(struct wd_header);

	p = put(p, &s->sys, sizeof(s->sys));
	put_cell(p, &s->root);
	return b;
}

struct tb_blob tb_build_cell(const struct tb_cell *c)
{
	struct tb_blob b = blob_alloc(WD_KIND_CELL, cell_size(c));

	put_cell((char *)b.data + sizeof(struct wd_header), c);
	return b;
}

struct tb_blob tb_blob_resize(const struct tb_blob *b, wd_u64 size)
{
	struct tb_blob r = {malloc(size ? size : 1), size};

	assert(r.data);
	memset(r.data, 0, size);
	memcpy(r.data, b->data, size < b->size ? size : b->size);
	return r;
}

void tb_blob_free(struct tb_blob *b)
{
	free(b->data);
	b->data = NULL;
	b->size = 0;
}
