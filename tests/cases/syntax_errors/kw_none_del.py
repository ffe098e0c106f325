del None, a
