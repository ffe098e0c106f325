t'{a:x{b}c'
