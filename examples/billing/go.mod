module example.com/orders/billing

go 1.22
