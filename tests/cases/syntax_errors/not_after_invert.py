~not a
