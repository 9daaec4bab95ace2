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

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "vmmcall"))
		return vmmcall();
	if (argc == 2 && !strcmp(argv[1], "lvt"))
		return lvt();
	if (argc == 4 && !strcmp(argv[1], "init"))
		return init(argv + 2);
	fprintf(stderr,
		"usage: wd-x86-attack vmmcall | lvt | init APIC_ID PA\n");
	return 2;
}
