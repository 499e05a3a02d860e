#!/usr/bin/env python3
"""A synthetic order-line file of the held-back wholesaler's shape (issue 13: 22,061 orders,
4,058 products, ~24 lines per order, no customers or dates), for timing the evaluate command only
(its figures mean nothing). Deterministic: python3 synthetic-wholesale.py > wholesale.csv
Products have Zipf-like popularity; each order draws a few "themes" (groups of 40 products) and
fills its lines from them and from the whole catalogue."""
import random
r = random.Random(13)
ORDERS, PRODUCTS, THEMES = 22000, 4000, 100
weights = [1.0 / (i + 10) ** 0.9 for i in range(PRODUCTS)]
themes = [r.sample(range(PRODUCTS), 40) for _ in range(THEMES)]
print("order_id,customer_id,placed_at,product_id,quantity,unit_price,category,manufacturer,product_name")
for o in range(ORDERS):
    n = max(2, min(150, int(r.expovariate(1 / 24))))
    lines = []
    for t in r.sample(themes, r.randint(1, 3)):
        lines += r.sample(t, min(len(t), max(1, n // 2)))
    lines += r.choices(range(PRODUCTS), weights=weights, k=n)
    seen = set()
    for p in lines:
        if p in seen or len(seen) >= n:
            continue
        seen.add(p)
        print(f"W{o:06d},,,P{p:05d},1,1.00,,,")
