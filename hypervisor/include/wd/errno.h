/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers returned by hypercalls as -errno. The values are Linux's,
 * so the driver can hand them to user space unchanged.
 */
#ifndef WD_ERRNO_H
#define WD_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define EIO 5
#define E2BIG 7
#define EAGAIN 11
#define ENOMEM 12
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define EINVAL 22
#define ENOSPC 28
#define ENOSYS 38
#define ETIMEDOUT 110

#endif
