// SPDX-License-Identifier: GPL-2.0
/*
 * warden-shm-ping: the root's side of the echo demo
 * (Documentation/ivshmem.md, include/warden/shm_echo.h). Maps the link's
 * memory from /dev/warden-shm1, then N times: writes a message, rings the
 * echo cell, waits in poll() for its doorbell and checks the answer is
 * the message upper-cased. Prints the round-trip times.
 *
 *   warden-shm-ping [-d DEV] [-n COUNT] [-f K]   round trips
 *   warden-shm-ping [-d DEV] -w                  wait until no peer runs
 *
 * -f K flags round K with WD_ECHO_FAIL: the inmate fails on purpose and
 * this program must see the peer go (exit 3), not hang.
 * With a PMU that counts instructions (QEMU: -icount), it also prints the
 * instructions run at EL2 per round trip: on the root's CPUs (perf, less
 * an idle stretch of the same length) and on the echo cell's CPU (which
 * the inmate reports in the shared page).
 * Exit: 0 all answers right, 1 usage/system error, 2 wrong answer,
 * 3 peer gone, 4 no answer within the timeout.
 */
#define _GNU_SOURCE /* syscall() */
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <warden/hypercall.h>
#include <warden/shm_echo.h>

#define TIMEOUT_MS 5000
#define EXIT_WRONG 2
#define EXIT_PEER_GONE 3
#define EXIT_TIMEOUT 4

/* The inmate reads with its MMU off: order our stores to memory. */
#define barrier() __asm__ volatile("dsb sy" : : : "memory")

struct options {
	const char *dev;
	unsigned long count;
	unsigned long fail_at; /* 0: never */
	int wait_only;
};

struct stats {
	unsigned long done;
	double min_us, max_us, sum_us;
};

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

#define MAX_CPUS 64

/* EL2 instruction counters, one per online CPU of the root. */
struct el2_count {
	int fd[MAX_CPUS];
	int n;
};

static void el2_open(struct el2_count *c)
{
	struct perf_event_attr a = {
		.type = PERF_TYPE_HARDWARE,
		.size = sizeof(a),
		.config = PERF_COUNT_HW_INSTRUCTIONS,
		.exclude_user = 1,
		.exclude_kernel = 1, /* exclude_hv = 0: EL2 only */
	};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int fd;

	c->n = 0;
	for (long cpu = 0; cpu < MAX_CPUS && c->n < cpus; cpu++) {
		fd = (int)syscall(SYS_perf_event_open, &a, -1, (int)cpu, -1, 0);
		if (fd >= 0)
			c->fd[c->n++] = fd;
	}
}

static uint64_t el2_read(const struct el2_count *c)
{
	uint64_t sum = 0, v;

	for (int i = 0; i < c->n; i++)
		if (read(c->fd[i], &v, sizeof(v)) == sizeof(v))
			sum += v;
	return sum;
}

/* What the root's CPUs run at EL2 while idle for us microseconds. */
static uint64_t el2_idle(const struct el2_count *c, double us)
{
	uint64_t before = el2_read(c);
	struct timespec ts = {(time_t)(us / 1e6),
			      (long)((us - (time_t)(us / 1e6) * 1e6) * 1e3)};

	nanosleep(&ts, NULL);
	return el2_read(c) - before;
}

static void el2_report(const struct el2_count *c, uint64_t root, double us,
		       uint32_t echo, unsigned long n)
{
	uint64_t idle;

	if (!n)
		return;
	if (c->n) {
		idle = el2_idle(c, us);
		printf("warden-shm-ping: EL2 instructions per round trip: "
		       "root CPUs %.0f (%llu in the run, %llu idle)",
		       root > idle ? (double)(root - idle) / n : 0.0,
		       (unsigned long long)root, (unsigned long long)idle);
	} else {
		printf("warden-shm-ping: EL2 instructions: no perf counter");
	}
	if (echo)
		printf(", echo CPU %.0f\n", (double)echo / n);
	else
		printf(", echo CPU not counted\n");
}

static int ring(int fd)
{
	uint64_t target = WD_DOORBELL_ALL_PEERS;

	if (write(fd, &target, sizeof(target)) == sizeof(target))
		return 0;
	if (errno == EPIPE) {
		printf("warden-shm-ping: peer gone (no echo cell running)\n");
		return EXIT_PEER_GONE;
	}
	fprintf(stderr, "warden-shm-ping: ring: %s\n", strerror(errno));
	return 1;
}

/* One doorbell, or why none came: 0, or an exit code. */
static int wait_doorbell(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	uint64_t n;
	int ret = poll(&p, 1, TIMEOUT_MS);

	if (ret == 0) {
		fprintf(stderr, "warden-shm-ping: no doorbell in %d ms\n",
			TIMEOUT_MS);
		return EXIT_TIMEOUT;
	}
	if (ret > 0 && read(fd, &n, sizeof(n)) == sizeof(n))
		return 0;
	if (ret > 0 && errno == EPIPE) {
		printf("warden-shm-ping: peer gone (no echo cell running)\n");
		return EXIT_PEER_GONE;
	}
	fprintf(stderr, "warden-shm-ping: wait: %s\n", strerror(errno));
	return 1;
}

static void make_request(volatile struct wd_echo_shm *shm, unsigned long i,
			 uint32_t seq, uint32_t flags)
{
	char text[WD_ECHO_TEXT_MAX];
	int len = snprintf(text, sizeof(text), "ping %lu: hello, echo cell %lx",
			   i, i * 2654435761ul);

	for (int k = 0; k < len; k++)
		shm->request[k] = text[k];
	shm->request_len = (uint32_t)len;
	shm->request_flags = flags;
	barrier();
	shm->request_seq = seq;
	barrier();
}

static int answer_ok(volatile struct wd_echo_shm *shm)
{
	uint32_t len = shm->request_len;
	char want;

	if (shm->answer_len != len)
		return 0;
	for (uint32_t k = 0; k < len; k++) {
		want = shm->request[k];
		if (want >= 'a' && want <= 'z')
			want = (char)(want - 'a' + 'A');
		if (shm->answer[k] != want)
			return 0;
	}
	return 1;
}

/* Rings until the answer for seq is there: doorbells may be state news. */
static int round_trip(int fd, volatile struct wd_echo_shm *shm, unsigned long i,
		      uint32_t seq, uint32_t flags)
{
	int err;

	make_request(shm, i, seq, flags);
	err = ring(fd);
	while (!err && shm->answer_seq != seq)
		err = wait_doorbell(fd);
	if (err)
		return err;
	barrier();
	if (answer_ok(shm))
		return 0;
	fprintf(stderr, "warden-shm-ping: round %lu: wrong answer\n", i);
	return EXIT_WRONG;
}

static void account(struct stats *st, double us)
{
	if (!st->done || us < st->min_us)
		st->min_us = us;
	if (us > st->max_us)
		st->max_us = us;
	st->sum_us += us;
	st->done++;
}

static int ping(int fd, volatile struct wd_echo_shm *shm,
		const struct options *o)
{
	struct stats st = {0};
	uint32_t seq = shm->request_seq > shm->answer_seq ? shm->request_seq
							  : shm->answer_seq;
	struct el2_count el2;
	uint64_t root0 = 0;
	uint32_t echo0 = 0;
	double start, t, first = 0;
	int err = 0;

	el2_open(&el2);
	start = now_us();

	for (unsigned long i = 1; !err && i <= o->count; i++) {
		t = now_us();
		err = round_trip(fd, shm, i, ++seq,
				 i == o->fail_at ? WD_ECHO_FAIL : 0);
		if (!err)
			account(&st, now_us() - t);
		if (!err && i == 1) { /* EL2 counts: from the first answer on */
			root0 = el2_read(&el2);
			echo0 = (uint32_t)shm->echo_el2_insns;
			first = now_us();
		}
	}
	t = now_us() - start;
	printf("warden-shm-ping: %lu round trips checked in %.0f ms", st.done,
	       t / 1e3);
	if (st.done)
		printf(": %.0f/s, min %.1f us, avg %.1f us, max %.1f us",
		       st.done * 1e6 / t, st.min_us, st.sum_us / st.done,
		       st.max_us);
	printf("\n");
	if (st.done > 1)
		el2_report(&el2, el2_read(&el2) - root0, now_us() - first,
			   echo0 ? (uint32_t)shm->echo_el2_insns - echo0 : 0,
			   st.done - 1);
	return err;
}

static int wait_peer_gone(int fd)
{
	int err;

	printf("warden-shm-ping: waiting for the peer to go\n");
	fflush(stdout);
	do
		err = wait_doorbell(fd);
	while (!err || err == EXIT_TIMEOUT);
	return err;
}

static int parse(int argc, char **argv, struct options *o)
{
	int c;

	*o = (struct options){"/dev/warden-shm1", 1000, 0, 0};
	while ((c = getopt(argc, argv, "d:n:f:w")) != -1) {
		if (c == 'd')
			o->dev = optarg;
		else if (c == 'n')
			o->count = strtoul(optarg, NULL, 0);
		else if (c == 'f')
			o->fail_at = strtoul(optarg, NULL, 0);
		else if (c == 'w')
			o->wait_only = 1;
		else
			return -1;
	}
	return optind == argc ? 0 : -1;
}

int main(int argc, char **argv)
{
	volatile struct wd_echo_shm *shm;
	struct options o;
	int fd, err;

	if (parse(argc, argv, &o)) {
		fprintf(stderr, "usage: warden-shm-ping [-d DEV] [-n COUNT] "
				"[-f K] | [-d DEV] -w\n");
		return 1;
	}
	fd = open(o.dev, O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "warden-shm-ping: %s: %s\n", o.dev,
			strerror(errno));
		return 1;
	}
	shm = mmap(NULL, sizeof(*shm), PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   0);
	if (shm == MAP_FAILED) {
		fprintf(stderr, "warden-shm-ping: mmap: %s\n", strerror(errno));
		return 1;
	}
	err = o.wait_only ? wait_peer_gone(fd) : ping(fd, shm, &o);
	close(fd);
	return err;
}
