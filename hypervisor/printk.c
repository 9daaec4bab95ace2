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

struct spec {
	unsigned int width;
	bool zero;
	unsigned int longs;
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

static void put_num(struct out *o, u64 v, unsigned int base,
		    const struct spec *sp)
{
	char digits[24];
	unsigned int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (sp->width > n && n < sizeof(digits))
		digits[n++] = sp->zero ? '0' : ' ';
	while (n)
		put(o, digits[--n]);
}

static u64 arg_unsigned(va_list *ap, const struct spec *sp)
{
	if (sp->longs)
		return va_arg(*ap, u64);
	return va_arg(*ap, unsigned int);
}

static s64 arg_signed(va_list *ap, const struct spec *sp)
{
	if (sp->longs)
		return va_arg(*ap, s64);
	return va_arg(*ap, int);
}

static void put_signed(struct out *o, s64 v, struct spec *sp)
{
	if (v < 0) {
		put(o, '-');
		if (sp->width)
			sp->width--;
		v = -v;
	}
	put_num(o, (u64)v, 10, sp);
}

static const char *parse_spec(const char *f, struct spec *sp)
{
	*sp = (struct spec){0};
	if (*f == '0') {
		sp->zero = true;
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (unsigned int)(*f++ - '0');
	while (*f == 'l') {
		sp->longs++;
		f++;
	}
	return f;
}

static void convert(struct out *o, char conv, struct spec *sp, va_list *ap)
{
	switch (conv) {
	case 's':
		put_str(o, va_arg(*ap, const char *));
		break;
	case 'c':
		put(o, (char)va_arg(*ap, int));
		break;
	case 'd':
		put_signed(o, arg_signed(ap, sp), sp);
		break;
	case 'u':
		put_num(o, arg_unsigned(ap, sp), 10, sp);
		break;
	case 'x':
		put_num(o, arg_unsigned(ap, sp), 16, sp);
		break;
	case 'p':
		put_str(o, "0x");
		put_num(o, (u64)(unsigned long)va_arg(*ap, void *), 16, sp);
		break;
	default:
		put(o, '%');
		put(o, conv);
	}
}

size_t wd_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = {.buf = buf, .size = size};
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp);
		if (!*fmt)
			break;
		convert(&o, *fmt, &sp, &args);
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
