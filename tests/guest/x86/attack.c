// SPDX-License-Identifier: GPL-2.0
/*
 * wd-x86-attack: what a hostile x86 root does (scenario x86-enable).
 *
 * wd-x86-attack vmmcall: a process calls Warden (WD_HC_CONSOLE_PUTC).
 * Refused: the process dies of SIGILL (#UD). Exit 1: Warden answered.
 *
 * wd-x86-attack lvt: LINT0 of this CPU set to deliver INIT (masked: a
 * root kernel would unmask it and raise the line). Prints LINT0 after
 * the write: unchanged if Warden refused it. Exit 0 refused, 1 taken.
 *
 * wd-x86-attack init APIC_ID PROBE_PA: INIT+SIPI to a CPU of its own
 * (Documentation/x86.md "CPU hotplug"): writes the stub (init_stub.S) to
 * STUB_BASE through /dev/mem, then sends
 * INIT and SIPI to APIC_ID by writing the xAPIC's ICR at 0xfee00000
 * through /dev/mem (run it pinned to another CPU; take the target
 * offline in Linux first). After a second, prints the stub's verdict:
 *   "escaped 0xVALUE": the stub read PROBE_PA (exit 1),
 *   "refused": the read faulted (exit 0),
 *   "no start" / "started": the stub did not get that far (exit 2).
 * wd-x86-attack ioapic APIC_ID: the highest masked pin of the IOAPIC at
 * 0xfec00000 programmed (unmasked, level, active low: on a board with
 * an idle pulled-up line the pin is then asserted) to deliver SMI, NMI,
 * INIT and ExtINT to APIC_ID, then fixed (masked); each entry read back
 * and restored. Prints "refused" (exit 0) if the four were refused and
 * the fixed one taken, else "taken MODE" or "fixed refused" (exit 1).
 *
 * Test only.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define STUB_BASE 0x70000u
#define APIC_BASE 0xfee00000u
#define ICR 0x300
#define ICR2 0x310
#define LINT0 0x350
#define IOAPIC_BASE 0xfec00000u
#define RTE_MASKED 0x10000u

extern const uint8_t stub_start[], stub_end[];
extern const char stub_flag[], stub_value[], stub_probe[];

static volatile uint32_t *map(int fd, uint32_t pa)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, pa);

	if (p == MAP_FAILED) {
		perror("mmap /dev/mem");
		exit(2);
	}
	return p;
}

static void ipi(volatile uint32_t *apic, uint32_t id, uint32_t icr)
{
	apic[ICR2 / 4] = id << 24;
	apic[ICR / 4] = icr;
	usleep(10000);
}

static int vmmcall(void)
{
	unsigned long rax = 0xc6000008ul, rdi = 'U'; /* CONSOLE_PUTC */

	__asm__ volatile("vmmcall" : "+a"(rax), "+D"(rdi) : : "memory");
	printf("Warden answered a process: %ld\n", (long)rax);
	return 1;
}

static int init(char **argv)
{
	volatile uint32_t *apic, *low;
	volatile uint8_t *stub;
	uint32_t id, flag, value;
	int fd;

	id = (uint32_t)strtoul(argv[0], NULL, 0);
	fd = open("/dev/mem", O_RDWR | O_SYNC);
	if (fd < 0) {
		perror("/dev/mem");
		return 2;
	}
	low = map(fd, STUB_BASE);
	stub = (volatile uint8_t *)low;
	memcpy((void *)stub, stub_start, (size_t)(stub_end - stub_start));
	*(volatile uint32_t *)(stub + (uintptr_t)stub_probe) =
		(uint32_t)strtoul(argv[1], NULL, 0);
	__sync_synchronize();
	apic = map(fd, APIC_BASE);
	ipi(apic, id, 0xc500); /* INIT, level, assert */
	ipi(apic, id, 0x8500); /* INIT, level, de-assert */
	ipi(apic, id, 0x0600 | STUB_BASE >> 12); /* SIPI */
	sleep(1);
	flag = *(volatile uint32_t *)(stub + (uintptr_t)stub_flag);
	value = *(volatile uint32_t *)(stub + (uintptr_t)stub_value);
	if (flag == 2) {
		printf("escaped 0x%x\n", value);
		return 1;
	}
	printf("%s\n", flag == 3 ? "refused" : flag ? "started" : "no start");
	return flag == 3 ? 0 : 2;
}

static int lvt(void)
{
	volatile uint32_t *apic;
	uint32_t before, after;
	int fd = open("/dev/mem", O_RDWR | O_SYNC);

	if (fd < 0) {
		perror("/dev/mem");
		return 2;
	}
	apic = map(fd, APIC_BASE);
	before = apic[LINT0 / 4];
	apic[LINT0 / 4] = 0x10500; /* masked, delivery mode INIT */
	after = apic[LINT0 / 4];
	printf("LINT0 0x%x -> 0x%x\n", before, after);
	if (after != before)
		apic[LINT0 / 4] = before;
	return after != before;
}

static uint32_t ioapic_rw(volatile uint32_t *io, uint32_t index, int write,
			  uint32_t v)
{
	io[0] = index; /* IOREGSEL */
	if (write)
		io[4] = v; /* IOWIN */
	return io[4];
}

/* Writes low/high of pin's entry, reads low back, restores the old one. */
static uint32_t rte_try(volatile uint32_t *io, unsigned int pin, uint32_t lo,
			uint32_t hi)
{
	uint32_t old_lo = ioapic_rw(io, 0x10 + 2 * pin, 0, 0);
	uint32_t old_hi = ioapic_rw(io, 0x11 + 2 * pin, 0, 0), got;

	ioapic_rw(io, 0x11 + 2 * pin, 1, hi);
	got = ioapic_rw(io, 0x10 + 2 * pin, 1, lo);
	ioapic_rw(io, 0x10 + 2 * pin, 1, old_lo | RTE_MASKED);
	ioapic_rw(io, 0x11 + 2 * pin, 1, old_hi);
	ioapic_rw(io, 0x10 + 2 * pin, 1, old_lo);
	fprintf(stderr, "pin %u: wrote 0x%x, read 0x%x (was 0x%x)\n", pin, lo,
		got, old_lo);
	return got;
}

static int ioapic(const char *id_arg)
{
	static const uint32_t modes[] = {2, 4, 5, 7}; /* SMI NMI INIT ExtINT */
	uint32_t id = (uint32_t)strtoul(id_arg, NULL, 0), lo;
	volatile uint32_t *io;
	int fd = open("/dev/mem", O_RDWR | O_SYNC), pin;
	unsigned int m;

	if (fd < 0) {
		perror("/dev/mem");
		return 2;
	}
	io = map(fd, IOAPIC_BASE);
	pin = (ioapic_rw(io, 1, 0, 0) >> 16) & 0xff; /* highest entry */
	while (pin >= 0 && !(ioapic_rw(io, 0x10 + 2 * pin, 0, 0) & RTE_MASKED))
		pin--;
	if (pin < 0) {
		printf("no masked pin\n");
		return 2;
	}
	for (m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		lo = modes[m] << 8 | 1u << 15 | 1u << 13; /* level, low */
		if (rte_try(io, (unsigned int)pin, lo, id << 24) == lo) {
			printf("taken %u\n", modes[m]);
			return 1;
		}
	}
	lo = RTE_MASKED | 0x31; /* fixed, vector 0x31, masked */
	if (rte_try(io, (unsigned int)pin, lo, id << 24) != lo) {
		printf("fixed refused\n");
		return 1;
	}
	printf("refused\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "vmmcall"))
		return vmmcall();
	if (argc == 2 && !strcmp(argv[1], "lvt"))
		return lvt();
	if (argc == 3 && !strcmp(argv[1], "ioapic"))
		return ioapic(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "init"))
		return init(argv + 2);
	fprintf(stderr, "usage: wd-x86-attack vmmcall | lvt | ioapic APIC_ID | "
			"init APIC_ID PA\n");
	return 2;
}
