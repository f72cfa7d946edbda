import sqlalchemy

engine = sqlalchemy.create_engine("postgresql://db.internal:5432/orders")
