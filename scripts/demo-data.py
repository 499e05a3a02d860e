#!/usr/bin/env python3
"""Builds the reference store's data set (src/test/resources/demo-data) from the shared
"Complete Journey 2.0" files (84.51 via the CRAN package completejourney 1.1.1, CC0).

    python3 scripts/demo-data.py [SHARED_DATA_DIR]   # default ../shared/data

Deterministic: the same input gives byte-identical output. The choices are documented in
src/test/resources/demo-data/README.md; dates are NOT shifted here (the store shifts them at load
time so that the history ends a few days before the store's clock).
"""
import collections
import csv
import os
import re
import statistics
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'test', 'resources', 'demo-data')

PRODUCTS = 1500                    # the best-selling products by number of sampled receipt lines
EXCLUDED_DEPARTMENTS = {'', 'FUEL', 'MISCELLANEOUS', 'COUPON', 'CNTRL', 'KIOSK-GAS', 'GM MERCH EXP'}
MAX_QUANTITY = 50                  # larger quantities are fuel/coupon artefacts of the source
B2B_HOUSEHOLDS = 12                # households with the largest baskets become B2B accounts
B2B_MIN_ORDERS = 10
B2B_ONLY_PRODUCTS = 6
OUT_OF_STOCK_RANKS = (2, 7)        # catalogue bestseller ranks (1-based) that are sold out
HIDDEN_RANKS = (4,)                # ... and hidden from the storefront
LAPSED_DAYS = 200                  # a lapsed persona's last order is older than this before the end

UNITS = {'OZ': 'oz', 'LB': 'lb', 'CT': 'ct', 'GAL': 'gal', 'QT': 'qt', 'PK': 'pk', 'ML': 'ml',
         'GA': 'gal', 'LTR': 'l', 'L': 'l', 'FL': 'fl', 'PT': 'pt', 'DZ': 'dz', 'SQ': 'sq', 'FT': 'ft', 'G': 'g'}


def title(text):
    words = []
    for w in text.strip().split(' '):
        if not w:
            continue
        if w.upper() in UNITS:
            words.append(UNITS[w.upper()])
        elif re.match(r'^[0-9.,/-]+[A-Z]*$', w):
            words.append(w.lower())
        else:
            words.append('/'.join(p[:1].upper() + p[1:].lower() for p in w.split('/')))
    return ' '.join(words)


DEPARTMENTS = {'MEAT-PCKGD': 'Packaged Meat', 'SEAFOOD-PCKGD': 'Packaged Seafood',
               'DRUG GM': 'Drugstore & General', 'SALAD BAR': 'Salad Bar', 'CHEF SHOPPE': 'Chef Shoppe'}


def department(text):
    return DEPARTMENTS.get(text, title(text))


def slug(text):
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')


def main():
    catalog = {}
    with open(os.path.join(SRC, 'complete-journey-products.csv'), newline='') as f:
        for r in csv.DictReader(f):
            catalog[r['product_id']] = r

    rows = []
    with open(os.path.join(SRC, 'complete-journey-2017-sample.csv'), newline='') as f:
        for r in csv.DictReader(f):
            p = catalog.get(r['product_id'])
            if p is None or p['department'] in EXCLUDED_DEPARTMENTS or not p['product_category']:
                continue
            if 'COUPON' in p['product_category'] or not r['customer_id']:
                continue
            q = int(r['quantity'] or 0)
            price = float(r['unit_price'] or 0)
            if q < 1 or q > MAX_QUANTITY or price <= 0:
                continue
            rows.append(r)

    line_counts = collections.Counter(r['product_id'] for r in rows)
    first_name = {}
    for r in sorted(rows, key=lambda r: (r['placed_at'], r['order_id'])):
        first_name.setdefault(r['product_id'], title(r['product_name']))
    # one product per displayed name: the source has several UPCs behind names like
    # "Private Fluid Milk White Only 1 gal", which would look like the same product twice
    kept, names = [], set()
    for p in sorted(line_counts, key=lambda p: (-line_counts[p], int(p))):
        name = first_name[p]
        if name not in names:
            names.add(name)
            kept.append(p)
        if len(kept) == PRODUCTS:
            break
    kept_set = set(kept)
    rows = [r for r in rows if r['product_id'] in kept_set]
    rows.sort(key=lambda r: (r['placed_at'], r['order_id'], int(r['product_id'])))

    # orders renumbered 1..n in time order, like a store's own order ids
    order_ids = {}
    for r in rows:
        if r['order_id'] not in order_ids:
            order_ids[r['order_id']] = len(order_ids) + 1

    units = collections.Counter()
    for r in rows:
        units[r['product_id']] += int(r['quantity'])
    ranked = sorted(kept, key=lambda p: (-units[p], int(p)))
    rank = {p: i + 1 for i, p in enumerate(ranked)}

    # customers and their orders
    orders_by_customer = collections.defaultdict(set)
    lines_by_customer = collections.Counter()
    last_order = {}
    for r in rows:
        c = r['customer_id']
        orders_by_customer[c].add(r['order_id'])
        lines_by_customer[c] += 1
        last_order[c] = max(last_order.get(c, ''), r['placed_at'])
    end = max(r['placed_at'] for r in rows)

    def basket(c):  # sampled lines per receipt ~ 5 % of the real basket size
        return lines_by_customer[c] / len(orders_by_customer[c])

    candidates = [c for c in orders_by_customer if len(orders_by_customer[c]) >= B2B_MIN_ORDERS]
    b2b = sorted(candidates, key=lambda c: (-basket(c), int(c)))[:B2B_HOUSEHOLDS]
    b2b_set = set(b2b)

    b2b_units = collections.Counter()
    for r in rows:
        if r['customer_id'] in b2b_set:
            b2b_units[r['product_id']] += int(r['quantity'])
    b2b_only = [p for p in sorted(b2b_units, key=lambda p: (-b2b_units[p], int(p))) if rank[p] > 50]
    b2b_only = set(b2b_only[:B2B_ONLY_PRODUCTS])

    # featured shoppers for the "Browse as" switch
    from datetime import datetime, timedelta
    end_dt = datetime.fromisoformat(end.replace('Z', '+00:00'))

    def days_before_end(c):
        return (end_dt - datetime.fromisoformat(last_order[c].replace('Z', '+00:00'))).days

    def pick(pred, key):
        cs = sorted((c for c in orders_by_customer if c not in b2b_set and pred(c)), key=key)
        return cs[0]

    personas = {}
    personas['one-time buyer'] = pick(
        lambda c: len(orders_by_customer[c]) == 1 and 7 <= days_before_end(c) <= 60,
        lambda c: (-lines_by_customer[c], int(c)))
    personas['repeat buyer'] = pick(
        lambda c: 8 <= len(orders_by_customer[c]) <= 30 and days_before_end(c) <= 30,
        lambda c: (-lines_by_customer[c], int(c)))
    personas['lapsed buyer'] = pick(
        lambda c: len(orders_by_customer[c]) >= 3 and days_before_end(c) >= LAPSED_DAYS,
        lambda c: (-lines_by_customer[c], int(c)))
    personas['B2B customer'] = b2b[0]
    persona_of = {c: k for k, c in personas.items()}

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'products.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['product_id', 'name', 'department', 'category', 'manufacturer', 'brand',
                    'package_size', 'price', 'stock', 'visible', 'b2b_only'])
        for p in sorted(kept, key=int):
            c = catalog[p]
            w.writerow([p, product_name(p, rows_by_product(rows), c), department(c['department']),
                        title(c['product_category']), 'Manufacturer ' + c['manufacturer_id'],
                        c['brand'], c['package_size'].lower(), price_of(p),
                        0 if rank[p] in OUT_OF_STOCK_RANKS else 100 + int(p) % 400,
                        'false' if rank[p] in HIDDEN_RANKS else 'true',
                        'true' if p in b2b_only else 'false'])
    with open(os.path.join(OUT, 'customers.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['customer_id', 'display_name', 'customer_group', 'persona'])
        for c in sorted(orders_by_customer, key=int):
            w.writerow([c, 'Household ' + c, 'B2B' if c in b2b_set else 'RETAIL', persona_of.get(c, '')])
    with open(os.path.join(OUT, 'orders.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['order_id', 'customer_id', 'placed_at', 'product_id', 'quantity', 'unit_price',
                    'category', 'manufacturer', 'product_name'])
        for r in rows:
            c = catalog[r['product_id']]
            w.writerow([order_ids[r['order_id']], r['customer_id'], r['placed_at'], r['product_id'],
                        r['quantity'], '%.2f' % float(r['unit_price']),
                        slug(c['department']) + '/' + slug(c['product_category']),
                        'Manufacturer ' + c['manufacturer_id'], NAMES[r['product_id']]])
    print('products', len(kept), 'categories', len({(catalog[p]['department'], catalog[p]['product_category']) for p in kept}),
          'departments', len({catalog[p]['department'] for p in kept}),
          'customers', len(orders_by_customer), 'orders', len(order_ids), 'lines', len(rows),
          'b2b', len(b2b), 'end', end, 'personas', personas)


_BY_PRODUCT = {}
NAMES = {}


def rows_by_product(rows):
    if not _BY_PRODUCT:
        for r in rows:
            _BY_PRODUCT.setdefault(r['product_id'], []).append(r)
    return _BY_PRODUCT


def product_name(p, by_product, c):
    # the source's name is brand + product type + package size, all capitals
    name = title(by_product[p][0]['product_name'])
    NAMES[p] = name
    return name


def price_of(p):
    return '%.2f' % statistics.median(float(r['unit_price']) for r in _BY_PRODUCT[p])


if __name__ == '__main__':
    main()
