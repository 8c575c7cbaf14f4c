/**
 * Postcodes and digital addresses of the mock. The national postcode is 5 digits (Quyết định 2475/QĐ-BTTTT, 2017), the
 * first two naming the province: 90 was An Giang, 91 Kiên Giang. Every commune postcode and Vpostcode here is INVENTED
 * (README.md): communes of the former An Giang get 90NNN, those of the former Kiên Giang 91NNN.
 */

/** Tổng Công ty Bưu điện Việt Nam (invented value in the QĐ 20/2020 format). */
export const VNPOST_AGENCY = '000.00.00.K19';

export const MA_BUU_CHINH_TINH = { '89': '90000', '91': '91000' } as const;

/** Location-code alphabet: no 0/O, 1/I, so a code read aloud or handwritten is not misread. */
export const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Invented public base of the share links. */
export const SHARE_BASE = 'https://vpostcode.vn/';

export const BAN_KINH_MAC_DINH = 500;
