// SPDX-License-Identifier: GPL-2.0
/*
 * A small vsnprintf and printk. Messages are formatted into a stack
 * buffer first so one console_write() carries a whole line.
 */
#include <wd/console.h>
#include <wd/printk.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s)
{
	if (!s)
		s = "(null)";
	while (*s)
		put(o, *s++);
}

static void put_num(struct out *o, u64 v, unsigned int base)
{
	char digits[20]; /* 2^64 - 1 has 20 decimal digits */
	unsigned int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		put(o, digits[--n]);
}

/* longs: the number of 'l's before the conversion (0, 1 or 2). */
static void put_int(struct out *o, char conv, unsigned int longs, va_list *ap)
{
	s64 v;

	if (conv != 'd') {
		put_num(o, longs ? va_arg(*ap, u64) : va_arg(*ap, unsigned int),
			conv == 'x' ? 16 : 10);
		return;
	}
	v = longs ? va_arg(*ap, s64) : va_arg(*ap, int);
	if (v < 0)
		put(o, '-');
	put_num(o, v < 0 ? -(u64)v : (u64)v, 10);
}

/*
 * Knows %s, %d, %u, %x with l or ll: all Warden's messages use (no
 * widths, no %c or %p: code EL2 does not need). Anything else is printed
 * as written, its argument left alone.
 */
size_t wd_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = {.buf = buf, .size = size};
	unsigned int longs;
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (longs = 0; fmt[1] == 'l'; fmt++)
			longs++;
		if (!*++fmt)
			break;
		if (*fmt == 's')
			put_str(&o, va_arg(args, const char *));
		else if (*fmt == 'd' || *fmt == 'u' || *fmt == 'x')
			put_int(&o, *fmt, longs, &args);
		else
			put_str(&o, (const char[]){'%', *fmt, '\0'});
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len < size ? o.len : size - 1;
}

void vprintk(const char *fmt, va_list ap)
{
	char line[160];
	size_t len = wd_vsnprintf(line, sizeof(line), fmt, ap);

	console_write(line, len);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
