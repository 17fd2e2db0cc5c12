"""Demo and benchmark data: the fictional programme and the programme-scale set.

Everything here builds rows for the other apps; nothing in those apps imports it.
"""
