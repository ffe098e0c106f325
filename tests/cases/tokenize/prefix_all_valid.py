x = b'' rb'' Br'' u'' R'' f'' rF'' t'' Tr''
