#!/usr/bin/env python3
"""Synthetic company profiles for the batch test and benchmark.

usage: gen-companies.py N OUTPREFIX [SEED]      (defaults: 1000 companies 2026)

Writes N synthetic company profiles (SPEC §3) to OUTPREFIX.jsonl (one profile object a line) and
OUTPREFIX.csv (SPEC §8: dotted-path header, lists joined by ';', empty cell = unknown).
Deterministic: the same N and SEED always give the same bytes.

An empty list cannot be told from an unknown one in CSV, so a profile with no selections (or no
same_level_used) leaves the field out in both files: both read it as unknown.

This is a port of the original node generator (bench/gen-companies.js in the shared folder next to
the repository) and writes byte for byte what it writes: the same mulberry32 generator, the same
order of draws, JavaScript's Math.round, JSON.stringify and Math.exp (V8's fdlibm exp, see js_exp),
so figures taken with either are comparable. Standard library only.
"""
import json
import math
import re
import struct
import sys

MASK = 0xFFFFFFFF


def js_number(s):
    """Number(string) for the command-line arguments: decimal, 0x/0o/0b, Infinity, '' = 0, else NaN."""
    s = s.strip(' \t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009'
                '\u200a\u2028\u2029\u202f\u205f\u3000\ufeff')
    if s == '':
        return 0.0
    for prefix, base in (('0x', 16), ('0o', 8), ('0b', 2)):
        if s[:2].lower() == prefix:
            try:
                return float(int(s[2:], base)) if s[2:].isalnum() and s[2:].isascii() else math.nan
            except ValueError:
                return math.nan
    if re.fullmatch(r'[+-]?(Infinity|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)', s):
        return float(s.replace('Infinity', 'inf'))
    return math.nan


def to_uint32(x):
    """x >>> 0"""
    if math.isnan(x) or math.isinf(x):
        return 0
    return int(x) % 0x100000000


def js_round(x):
    """Math.round: the nearest integer, halves rounded up (Python's round() rounds them to even)."""
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f


# Math.exp as V8 computes it (base::ieee754::exp, from fdlibm's e_exp.c). The C library's exp, which
# math.exp uses, is off by one in the last bit from it for about one argument in ten, which would move
# an amount now and then (when x / unit lands next to a half).
_LN2_HI = (6.93147180369123816490e-01, -6.93147180369123816490e-01)
_LN2_LO = (1.90821492927058770002e-10, -1.90821492927058770002e-10)
_HALF = (0.5, -0.5)
_INVLN2 = 1.44269504088896338700e+00
_P1 = 1.66666666666666019037e-01
_P2 = -2.77777777770155933842e-03
_P3 = 6.61375632143793436117e-05
_P4 = -1.65339022054652515390e-06
_P5 = 4.13813679705723846039e-08
_O_THRESHOLD = 7.09782712893383973096e+02
_U_THRESHOLD = -7.45133219101941108420e+02


def js_exp(x):
    hx = struct.unpack('<Q', struct.pack('<d', x))[0] >> 32
    xsb = hx >> 31
    hx &= 0x7FFFFFFF
    if hx >= 0x40862E42:  # |x| >= 709.78..., or not finite
        if x != x:
            return x
        if math.isinf(x):
            return x if xsb == 0 else 0.0
        if x > _O_THRESHOLD:
            return math.inf
        if x < _U_THRESHOLD:
            return 0.0
    k = 0
    hi = lo = 0.0
    if hx > 0x3FD62E42:  # |x| > 0.5 ln2: reduce to x = k ln2 + r, r = hi - lo
        if hx < 0x3FF0A2B2:  # and |x| < 1.5 ln2
            if x == 1.0:
                return 2.718281828459045
            hi = x - _LN2_HI[xsb]
            lo = _LN2_LO[xsb]
            k = 1 - xsb - xsb
        else:
            k = int(_INVLN2 * x + _HALF[xsb])  # C's (int) truncates, as int() does
            t = float(k)
            hi = x - t * _LN2_HI[0]
            lo = t * _LN2_LO[0]
        x = hi - lo
    elif hx < 0x3E300000:  # |x| < 2**-28
        return 1.0 + x
    t = x * x
    c = x - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    if k == 0:
        return 1.0 - ((x * c) / (c - 2.0) - x)
    y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi)
    if k >= -1021:
        return math.ldexp(y, k)  # exact, as fdlibm's multiplication by 2**k is
    return math.ldexp(y, k + 1000) * math.ldexp(1.0, -1000)


# Math.log(2e7) and Math.log(100) as V8 gives them, bit for bit.
LOG_2E7 = float.fromhex('0x1.0cfad9c367c42p+4')
LOG_100 = float.fromhex('0x1.26bb1bbb55516p+2')

# The weight tables as the JS object literals enumerate them: string keys in the order written, but
# integer-like keys ('0', '1', '10000', ...) come first and in ascending order whatever the order written.
def table(*pairs):
    return pairs, sum(w for _, w in pairs)  # integers: the sum is exact, as the JS reduce is


ROLES = table(('adopter', 90), ('supplier', 9), ('institution', 1))
GROUPS = table(('manufacturing', 80), ('service', 12), ('other', 3), ('hospitality', 5))
SIZES = table(('small', 55), ('medium', 30), ('midsize', 10), ('large', 5))
LEVEL_WEIGHTS = table(('0', 35), ('1', 30), ('2', 20), ('3', 12), ('4', 3))
TARGET_FROM_NONE = table(('1', 30), ('2', 45), ('3', 25))
BUILT_LEVEL1 = table(('government', 55), ('self', 30), ('local_government', 15))
BUILT_HIGHER = table(('government', 60), ('self', 40))
UNITS = table(('1', 5), ('10000', 25), ('1000000', 70))  # written { 1000000: 70, 10000: 25, 1: 5 }

REGIONS = {  # weight ~ share of manufacturers; cities for 시·군·구
    '경기': (30, ('안산시', '화성시', '시흥시', '김포시', '파주시', '포천시', '양주시')), '서울': (8, ('금천구', '성동구', '구로구')),
    '경남': (9, ('창원시', '김해시', '양산시')), '경북': (7, ('구미시', '포항시', '경산시')), '부산': (6, ('사상구', '강서구')),
    '인천': (6, ('남동구', '서구')), '대구': (5, ('달서구', '북구')), '충남': (5, ('천안시', '아산시')), '충북': (4, ('청주시', '충주시')),
    '울산': (3, ('울주군', '북구')), '전북': (3, ('전주시', '군산시')), '전남': (3, ('여수시', '순천시')), '광주': (3, ('광산구', '북구')),
    '대전': (2, ('유성구', '대덕구')), '강원': (2, ('원주시', '춘천시')), '세종': (1, ()), '제주': (1, ('제주시',)),
}
REGION_WEIGHTS = table(*((r, w) for r, (w, _) in REGIONS.items()))
KSIC = {
    'manufacturing': ('10712', '10301', '10799', '13102', '17221', '18119', '20202', '20499', '21210', '22211', '22241',
                      '22299', '23311', '24113', '24213', '25112', '25911', '25921', '25934', '25999', '26112', '26299',
                      '26429', '27199', '27212', '28111', '28421', '28909', '29131', '29172', '29199', '29294', '30310',
                      '30320', '30399', '31114', '32029', '33999'),
    'service': ('47912', '47312', '46510', '46800', '49301', '52992', '58221', '62010', '62021', '63112', '70113', '73203',
                '85659', '96112'),
    'other': ('41221', '42121', '35113', '38220'),
    'hospitality': ('56111', '56112', '56191', '56211', '56221', '55101', '55103'),  # 음식점·주점·숙박
}
SUPPLIER_KSIC = ('58221', '62010', '62021', '63112', '29199', '26299', '28909')
LEVELS = ('none', 'basic', 'intermediate1', 'intermediate2', 'advanced')
COLLECTS_DATA = (0.1, 0.35, 0.7, 0.8, 0.9)
NAME_A = ('한빛', '대성', '삼원', '동양', '신화', '우진', '세광', '태림', '현대', '성원', '국제', '미래', '대한', '서진', '일신', '금강',
          '한솔', '영진', '동아', '유니')
NAME_B = ('정밀', '금속', '산업', '테크', '식품', '화학', '전자', '기계', '플라스틱', '오토텍', '이엔지', '시스템', '소재', '모터스', '푸드')
BN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
BLANKABLE = ('size', 'ksic', 'region', 'role', 'status.business', 'status.tax_arrears', 'status.sanctioned',
             'smart_factory.level', 'smart_factory.target_level', 'smart_factory.built_by',
             'smart_factory.level_certified', 'smart_factory.collects_data', 'smart_factory.project_in_progress',
             'plan.total_cost')

COLUMNS = ('name', 'business_number', 'size', 'ksic', 'region', 'city', 'role', 'status.business',
           'status.tax_arrears', 'status.sanctioned', 'smart_factory.level', 'smart_factory.target_level',
           'smart_factory.built_by', 'smart_factory.level_certified', 'smart_factory.exceeded_target',
           'smart_factory.same_level_used', 'smart_factory.project_in_progress', 'smart_factory.warranty_expired',
           'smart_factory.self_as_capable', 'smart_factory.collects_data', 'selections', 'consortium.members',
           'consortium.suppliers', 'consortium.demo_companies', 'consortium.cloud_provider', 'plan.total_cost',
           'plan.yearly_costs')
COLUMN_PATHS = tuple(tuple(c.split('.')) for c in COLUMNS)


class Generator:
    def __init__(self, seed):
        self.seed = seed  # uint32

    def rnd(self):  # mulberry32; Math.imul and >>> 0 as 32-bit masking
        self.seed = s = (self.seed + 0x6D2B79F5) & MASK
        t = ((s ^ (s >> 15)) * (s | 1)) & MASK
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & MASK)) & MASK
        return (t ^ (t >> 14)) / 4294967296

    def chance(self, p):
        return self.rnd() < p

    def int(self, lo, hi):
        return lo + math.floor(self.rnd() * (hi - lo + 1))

    def pick(self, xs):
        return xs[math.floor(self.rnd() * len(xs))]

    def weighted(self, table):  # (((value, weight), ...) in JS enumeration order, sum of the weights)
        pairs, total = table
        r = self.rnd() * total
        for v, w in pairs:
            r -= w
            if r < 0:
                return v
        return pairs[0][0]

    def business_number(self):  # 사업자등록번호 with its check digit
        i = self.int
        d = [i(1, 8), i(0, 9), i(0, 9), 8, i(1, 8), i(0, 9), i(0, 9), i(0, 9), i(0, 9)]
        total = sum(x * w for x, w in zip(d, BN_WEIGHTS)) + (d[8] * 5) // 10
        s = ''.join(map(str, d)) + str((10 - total % 10) % 10)
        return f'{s[:3]}-{s[3:5]}-{s[5:]}'

    def amount(self):  # 2천만원 .. 20억원, log-uniform; mostly round figures
        x = js_exp(LOG_2E7 + self.rnd() * LOG_100)
        unit = int(self.weighted(UNITS))
        return max(20000000, js_round(x / unit) * unit)

    def company(self):
        chance, pick, weighted = self.chance, self.pick, self.weighted
        role = weighted(ROLES)
        group = None if role == 'supplier' else weighted(GROUPS)
        ksic = pick(KSIC[group]) if group else pick(SUPPLIER_KSIC)
        if chance(0.02):  # a few codes written with their section letter
            ksic = ('C' if ksic < '35' else '') + ksic
        division = int((ksic[1:] if ksic[0] not in '0123456789' else ksic)[:2])
        size = weighted(SIZES)
        region = weighted(REGION_WEIGHTS)
        cities = REGIONS[region][1]

        level = int(weighted(LEVEL_WEIGHTS))
        if level == 0:
            target = int(weighted(TARGET_FROM_NONE))
        elif level < 4 and not chance(0.1):
            target = min(4, level + (1 if chance(0.6) else 2))
        else:
            target = level
        built = 'none' if level == 0 else weighted(BUILT_LEVEL1 if level == 1 else BUILT_HIGHER)
        government = built == 'government'
        sf = {'level': LEVELS[level], 'target_level': LEVELS[target], 'built_by': built}
        sf['level_certified'] = level > 0 and chance(0.7 if built == 'self' else 0.5)
        sf['exceeded_target'] = government and chance(0.06)
        if government and chance(0.1):
            sf['same_level_used'] = [LEVELS[level - (0 if chance(0.7) else 1 if level > 1 else 0)]]
        sf['project_in_progress'] = chance(0.08)
        sf['warranty_expired'] = level > 0 and chance(0.6)
        sf['self_as_capable'] = chance(0.15)
        sf['collects_data'] = chance(COLLECTS_DATA[level])

        sel = []
        capital = region in ('서울', '경기', '인천')
        sme_size = size == 'small' or size == 'medium'
        if not capital and sme_size and chance(0.04):
            sel.append('legend50')
        if sme_size and chance(0.015):
            sel.append('jump_up')
        if chance(0.02):
            sel.append('rnd_success')
        if chance(0.03):
            sel.append('tp_recommendation')
        if chance(0.03):
            sel.append('ministry_field')
        if region in ('전북', '전남', '경북') and chance(0.1):
            sel.append('regional_field')
        if division in (20, 23, 24) and chance(0.3):
            sel.append('high_carbon')
        if chance(0.02):
            sel.append('robot_si_partner')
        if chance(0.02):
            sel.append('vc_investment')
        if role == 'supplier' and chance(0.7):
            sel.append('supplier_pool')
        if role == 'supplier' and division >= 58 and chance(0.4):
            sel.append('smart_service_pool')
        if division in (24, 25, 29) and chance(0.25):
            sel.append('root_company')
        if size == 'midsize' and chance(0.1):
            sel.append('regional_flagship_midsize')
        if chance(0.08):
            sel.append('smart_factory_training')
        if region == '대전' and chance(0.1):
            sel.append('daejeon_consulting')

        total = self.amount()
        plan = {'total_cost': total}
        if level >= 2 and chance(0.2):
            first = js_round((total * (0.4 + self.rnd() * 0.2)) / 10000) * 10000
            plan['yearly_costs'] = [first, total - first]

        # the rest in the order the JS object literal evaluates it; absent keys are its undefined ones
        if chance(0.5):
            name = '(주)' + pick(NAME_A) + pick(NAME_B)
        else:
            name = pick(NAME_A) + pick(NAME_B) + '(주)'
        p = {'name': name, 'business_number': self.business_number(), 'size': size, 'ksic': ksic, 'region': region}
        if cities:
            p['city'] = pick(cities)
        p['role'] = role
        business = 'closed' if chance(0.01) else 'suspended' if chance(0.005) else 'active'
        p['status'] = {'business': business, 'tax_arrears': chance(0.03), 'sanctioned': chance(0.005)}
        p['smart_factory'] = sf
        if sel:
            p['selections'] = sel
        if role == 'supplier':
            i = self.int
            p['consortium'] = {'members': i(2, 9), 'suppliers': i(1, 3), 'demo_companies': i(0, 7),
                               'cloud_provider': chance(0.5)}
        p['plan'] = plan
        if chance(0.05):  # some answers missing: blank one to three fields
            j = self.int(1, 3)
            while j > 0:
                a, _, b = pick(BLANKABLE).partition('.')
                if b:
                    p[a].pop(b, None)
                else:
                    p.pop(a, None)
                if b == 'total_cost':
                    p['plan'].pop('yearly_costs', None)
                if a == 'region':
                    p.pop('city', None)
                j -= 1
        return p


def js_string(v):  # String(v) for the values a profile holds (Array.prototype.join for its lists)
    t = type(v)
    if t is str:
        return v
    if t is bool:
        return 'true' if v else 'false'
    if t is list:
        return ';'.join(map(js_string, v))
    return str(v)


NEEDS_QUOTES = re.compile(r'[",\n]')


def csv_row(p):
    cells = []
    for path in COLUMN_PATHS:
        v = p.get(path[0])
        if len(path) == 2 and v is not None:
            v = v.get(path[1])
        s = '' if v is None else js_string(v)
        if NEEDS_QUOTES.search(s):
            s = '"' + s.replace('"', '""') + '"'
        cells.append(s)
    return ','.join(cells)


def main(argv):
    args = argv[1:]
    n = js_number(args[0] if len(args) > 0 else '1000')
    prefix = args[1] if len(args) > 1 else 'companies'
    gen = Generator(to_uint32(js_number(args[2] if len(args) > 2 else '2026')))
    to_json = json.JSONEncoder(ensure_ascii=False, separators=(',', ':')).encode  # JSON.stringify
    with open(f'{prefix}.jsonl', 'wb') as jsonl, open(f'{prefix}.csv', 'wb') as csv:
        csv.write((','.join(COLUMNS) + '\n').encode())
        lines, rows = [], []
        i = 0
        while i < n:
            p = gen.company()
            lines.append(to_json(p))
            rows.append(csv_row(p))
            if len(lines) == 5000 or i == n - 1:  # as the JS writes: 5,000 a chunk
                jsonl.write(('\n'.join(lines) + '\n').encode())
                csv.write(('\n'.join(rows) + '\n').encode())
                lines, rows = [], []
            i += 1


if __name__ == '__main__':
    main(sys.argv)
