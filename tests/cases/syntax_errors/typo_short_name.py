l gzip
