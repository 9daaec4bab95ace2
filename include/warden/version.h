/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause */
#ifndef WARDEN_VERSION_H
#define WARDEN_VERSION_H
#define WARDEN_VERSION_MAJOR 0
#define WARDEN_VERSION_MINOR 1
#define WARDEN_VERSION_STRING "0.1"
#endif
