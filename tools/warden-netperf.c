// SPDX-License-Identifier: GPL-2.0
/*
 * warden-netperf: a TCP stream with large buffers and a checksum, to
 * measure warden-net's link (Documentation/vnet.md, docs/bench/vnet.md)
 * rather than a tool's small reads and writes (busybox nc).
 *
 *   warden-netperf -r PORT             receive one stream, print its size,
 *                                      checksum and time
 *   warden-netperf -s ADDR PORT MIB    send MIB MiB of a fixed pattern,
 *                                      print its checksum and time
 *
 * The checksum is FNV-1a over the stream's 64-bit words (the stream is
 * whole words: MiB). Both sides print "bytes N sum X ms T". A last
 * argument -n skips the checksum (sum 0): for the figures, the share of
 * the tool's own checksums in a run.
 * Exit: 0 done, 1 usage or system error.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, inet_pton */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (256 * 1024)
#define MIB (1024 * 1024)

static uint64_t buf[CHUNK / 8];
static int nosum; /* -n */

static uint64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

static uint64_t fnv(uint64_t h, const uint64_t *w, size_t words)
{
	size_t i;

	if (nosum)
		return 0;
	for (i = 0; i < words; i++)
		h = (h ^ w[i]) * 0x100000001b3ull;
	return h;
}

static int report(uint64_t bytes, uint64_t sum, uint64_t t0)
{
	printf("bytes %llu sum %016llx ms %llu\n", (unsigned long long)bytes,
	       (unsigned long long)sum, (unsigned long long)(now_ms() - t0));
	return 0;
}

/* Reads until EOF; a stream of partial words is summed word by word. */
static int receive(int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)port)};
	int one = 1, l = socket(AF_INET, SOCK_STREAM, 0), s;
	uint64_t bytes = 0, sum = 0xcbf29ce484222325ull, t0;
	size_t have = 0;
	ssize_t n;

	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) ||
	    (s = accept(l, NULL, NULL)) < 0)
		return perror("warden-netperf: listen"), 1;
	t0 = now_ms();
	while ((n = read(s, (char *)buf + have, CHUNK - have)) > 0) {
		bytes += (uint64_t)n;
		have += (size_t)n;
		sum = fnv(sum, buf, have / 8);
		memmove(buf, (char *)buf + have / 8 * 8, have % 8);
		have %= 8;
	}
	return n < 0 ? (perror("warden-netperf: read"), 1)
		     : report(bytes, sum, t0);
}

static int send_all(int s, const void *p, size_t len)
{
	ssize_t n;

	for (; len; len -= (size_t)n, p = (const char *)p + n)
		if ((n = write(s, p, len)) <= 0)
			return -1;
	return 0;
}

static int sender(const char *addr, int port, long mib)
{
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)port)};
	uint64_t sum = 0xcbf29ce484222325ull, t0, i, x = 88172645463325252ull;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	for (i = 0; i < CHUNK / 8; i++) { /* xorshift: not compressible */
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		buf[i] = x;
	}
	if (inet_pton(AF_INET, addr, &a.sin_addr) != 1 ||
	    connect(s, (struct sockaddr *)&a, sizeof(a)))
		return perror("warden-netperf: connect"), 1;
	t0 = now_ms();
	for (i = 0; i < (uint64_t)mib * (MIB / CHUNK); i++) {
		if (send_all(s, buf, CHUNK))
			return perror("warden-netperf: write"), 1;
		sum = fnv(sum, buf, CHUNK / 8);
	}
	close(s);
	return report((uint64_t)mib * MIB, sum, t0);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[argc - 1], "-n"))
		nosum = 1, argc--;
	if (argc == 3 && !strcmp(argv[1], "-r"))
		return receive(atoi(argv[2]));
	if (argc == 5 && !strcmp(argv[1], "-s") && atol(argv[4]) > 0)
		return sender(argv[2], atoi(argv[3]), atol(argv[4]));
	fprintf(stderr,
		"usage: warden-netperf -r PORT [-n] | -s ADDR PORT MIB [-n]\n");
	return 1;
}
