"""The polynomial behind the float32 exp kernel (src/array/native/exp.cc): exp(r) on
|r| <= ln 2 / 2, degree 9, fitted by least squares at 2000 Chebyshev nodes (in the Chebyshev
basis, then turned into powers of r; the last digits can depend on numpy's LAPACK). Prints the
coefficients from r^9 down to r^0 as C hex floats, and the largest relative error of that
polynomial in units of 2^-52 (long double check).
"""
import numpy as np

DEGREE, NODES = 9, 2000
half = np.log(2) / 2
nodes = np.cos(np.pi * (np.arange(NODES) + 0.5) / NODES) * half
chebyshev = np.polynomial.chebyshev.chebfit(nodes / half, np.exp(nodes), DEGREE)
powers = np.polynomial.chebyshev.cheb2poly(chebyshev)
coefficients = [float(powers[i] / half**i) for i in range(DEGREE + 1)][::-1]
print(", ".join(c.hex() for c in coefficients))

r = np.linspace(-half, half, 200_001).astype(np.longdouble)
value = np.zeros_like(r)
for c in coefficients:
    value = value * r + np.longdouble(c)
print(f"largest error: {float(np.max(np.abs(value / np.exp(r) - 1))) / 2**-52:.1f} units of 2^-52")
