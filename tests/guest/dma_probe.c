// SPDX-License-Identifier: GPL-2.0
/*
 * wd-dma-probe: makes a virtio-blk PCI device DMA where it is told, from
 * the root's user space (scenario smmu, Documentation/dma.md). Test only.
 *   wd-dma-probe BDF SECTOR [PA | --cell PA IPA]
 * Binds nothing: the device must have no driver. Enables it through
 * sysfs, sets up one virtqueue in a locked page of this process (its
 * physical address from /proc/self/pagemap) and reads SECTOR (512 bytes)
 * into physical address PA, or into that page when PA is absent (then
 * prints the first line it got). --cell: the page is the one at PA (a
 * cell's RAM lent to the root by `warden cell load`, mapped through
 * /dev/mem) and the device is given addresses as IPA, the cell's view
 * of it: for a device whose stream the cell owns. Exit 0: the request completed OK;
 * 2: the device gave up (NEEDS_RESET: QEMU's answer to a DMA the IOMMU
 * refused); 3: no completion within 2 s; 1: set-up error.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define QSIZE 8
#define F_VERSION_1 1u /* feature bit 32, in word 1 */
#define F_ACCESS_PLATFORM 2u /* bit 33: DMA goes through the IOMMU */
#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8
#define S_NEEDS_RESET 0x40

struct desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct dev {
	char path[128];
	uint8_t cfg[256];
	volatile uint8_t *common, *notify;
	uint32_t notify_mul;
};

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static int sysfs_rw(struct dev *d, const char *file, int flags, void *buf,
		    size_t len, off_t off)
{
	char p[192];
	int fd, n;

	snprintf(p, sizeof(p), "%s/%s", d->path, file);
	fd = open(p, flags);
	if (fd < 0)
		die(p);
	n = flags == O_RDONLY ? pread(fd, buf, len, off)
			      : pwrite(fd, buf, len, off);
	close(fd);
	return n;
}

static volatile uint8_t *map_bar(struct dev *d, unsigned int bar)
{
	char p[192];
	struct stat st;
	void *m;
	int fd;

	snprintf(p, sizeof(p), "%s/resource%u", d->path, bar);
	fd = open(p, O_RDWR | O_SYNC);
	if (fd < 0 || fstat(fd, &st))
		die(p);
	m = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED)
		die("mmap BAR");
	return m;
}

/* The virtio vendor capabilities: where each structure lies. */
static void find_caps(struct dev *d)
{
	unsigned int p = d->cfg[0x34];
	uint32_t off;

	for (; p && p < 0xf0; p = d->cfg[p + 1]) {
		if (d->cfg[p] != 0x09)
			continue;
		memcpy(&off, &d->cfg[p + 8], 4);
		if (d->cfg[p + 3] == 1)
			d->common = map_bar(d, d->cfg[p + 4]) + off;
		if (d->cfg[p + 3] == 2) {
			d->notify = map_bar(d, d->cfg[p + 4]) + off;
			memcpy(&d->notify_mul, &d->cfg[p + 16], 4);
		}
	}
	if (!d->common || !d->notify) {
		fprintf(stderr, "no virtio 1.0 capabilities\n");
		exit(1);
	}
}

#define C8(o) (*(volatile uint8_t *)(d->common + (o)))
#define C16(o) (*(volatile uint16_t *)(d->common + (o)))
#define C32(o) (*(volatile uint32_t *)(d->common + (o)))
#define C64(o) (*(volatile uint64_t *)(d->common + (o)))

static void enable(struct dev *d)
{
	uint16_t cmd;

	sysfs_rw(d, "enable", O_WRONLY, "1", 1, 0);
	sysfs_rw(d, "config", O_RDONLY, d->cfg, sizeof(d->cfg), 0);
	cmd = d->cfg[4] | d->cfg[5] << 8 | 0x6; /* memory, bus master */
	sysfs_rw(d, "config", O_WRONLY, &cmd, 2, 4);
	find_caps(d);
}

static int negotiate(struct dev *d)
{
	C8(0x14) = 0;
	while (C8(0x14))
		;
	C8(0x14) = S_ACK | S_DRIVER;
	C32(0x00) = 1;
	if ((C32(0x04) & 3) != 3)
		return -1; /* without ACCESS_PLATFORM QEMU bypasses the IOMMU */
	C32(0x08) = 0;
	C32(0x0c) = 0;
	C32(0x08) = 1;
	C32(0x0c) = F_VERSION_1 | F_ACCESS_PLATFORM;
	C8(0x14) = S_ACK | S_DRIVER | S_FEATURES_OK;
	return C8(0x14) & S_FEATURES_OK ? 0 : -1;
}

static uint64_t phys_of(void *va)
{
	uint64_t e;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0 || pread(fd, &e, 8, (uintptr_t)va / 4096 * 8) != 8)
		die("pagemap");
	close(fd);
	if (!(e >> 63) || !(e & ((1ull << 55) - 1)))
		die("page not present");
	return (e & ((1ull << 55) - 1)) * 4096;
}

/* Page layout: desc 0x0, avail 0x80, used 0x100, header 0x200, status
 * 0x300, own buffer 0x400. */
static void queue_setup(struct dev *d, uint64_t pa)
{
	C16(0x16) = 0;
	C16(0x18) = QSIZE;
	C16(0x1a) = 0xffff; /* no MSI-X vector: polled */
	C64(0x20) = pa;
	C64(0x28) = pa + 0x80;
	C64(0x30) = pa + 0x100;
	C16(0x1c) = 1;
	C8(0x14) = S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK;
}

static void request(uint8_t *pg, uint64_t pa, uint64_t sector, uint64_t dst)
{
	struct desc *q = (struct desc *)pg;
	volatile uint64_t *hdr = (uint64_t *)(pg + 0x200);
	volatile uint16_t *avail = (uint16_t *)(pg + 0x80);

	hdr[0] = 0; /* type IN (read), reserved */
	hdr[1] = sector;
	pg[0x300] = 0xff;
	q[0] = (struct desc){pa + 0x200, 16, 1, 1};
	q[1] = (struct desc){dst, 512, 1 | 2, 2};
	q[2] = (struct desc){pa + 0x300, 1, 2, 0};
	avail[0] = 1; /* no interrupt */
	avail[2] = 0;
	__sync_synchronize();
	avail[1] = 1;
	__sync_synchronize();
}

static int wait_done(struct dev *d, uint8_t *pg)
{
	volatile uint16_t *used_idx = (uint16_t *)(pg + 0x102);
	struct timespec t = {0, 1000000};
	int ms;

	for (ms = 0; ms < 2000; ms++, nanosleep(&t, NULL)) {
		if (*used_idx == 1) {
			printf("completed, status %u\n", pg[0x300]);
			return pg[0x300] ? 1 : 0;
		}
		if (C8(0x14) & S_NEEDS_RESET) {
			printf("device gave up (NEEDS_RESET): DMA refused\n");
			return 2;
		}
	}
	printf("no completion within 2 s\n");
	return 3;
}

/* A locked page of this process, zeroed; *pa its physical address. */
static uint8_t *own_page(uint64_t *pa)
{
	uint8_t *pg = mmap(
		NULL, 4096, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED | MAP_POPULATE, -1, 0);

	if (pg == MAP_FAILED)
		die("mmap");
	memset(pg, 0, 4096);
	*pa = phys_of(pg);
	return pg;
}

/* The page at physical pa through /dev/mem (device memory: no memset). */
static uint8_t *map_phys(uint64_t pa)
{
	int fd = open("/dev/mem", O_RDWR | O_SYNC);
	volatile uint64_t *w;
	unsigned int i;

	if (fd < 0)
		die("/dev/mem");
	w = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, pa);
	if (w == MAP_FAILED)
		die("mmap /dev/mem");
	for (i = 0; i < 512; i++)
		w[i] = 0;
	return (uint8_t *)w;
}

/* Byte by byte: the page may be device memory (--cell). */
static void print_got(volatile const char *p)
{
	char line[16];
	unsigned int i;

	for (i = 0; i < 15; i++)
		line[i] = p[i];
	line[15] = '\0';
	printf("got: %s\n", line);
}

int main(int argc, char **argv)
{
	static struct dev dev;
	struct dev *d = &dev;
	uint8_t *pg;
	uint64_t pa, dst;
	int rc, own;

	if (argc < 3 || (argc > 3 && !strcmp(argv[3], "--cell") && argc != 6)) {
		fprintf(stderr, "usage: wd-dma-probe BDF SECTOR [PA | --cell "
				"PA IPA]\n");
		return 1;
	}
	snprintf(d->path, sizeof(d->path), "/sys/bus/pci/devices/%s", argv[1]);
	own = argc == 3 || !strcmp(argv[3], "--cell");
	if (argc == 6) {
		pg = map_phys(strtoull(argv[4], NULL, 0));
		pa = strtoull(argv[5], NULL, 0);
	} else {
		pg = own_page(&pa);
	}
	dst = own ? pa + 0x400 : strtoull(argv[3], NULL, 0);
	enable(d);
	if (negotiate(d)) {
		fprintf(stderr, "feature negotiation failed\n");
		return 1;
	}
	queue_setup(d, pa);
	request(pg, pa, strtoull(argv[2], NULL, 0), dst);
	printf("DMA of sector %s to 0x%llx\n", argv[2],
	       (unsigned long long)dst);
	fflush(stdout);
	*(volatile uint16_t *)(d->notify + C16(0x1e) * d->notify_mul) = 0;
	rc = wait_done(d, pg);
	if (own && rc == 0)
		print_got((volatile char *)pg + 0x400);
	C8(0x14) = 0; /* reset: the device lets go of the page */
	return rc;
}
